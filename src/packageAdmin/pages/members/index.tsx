import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { usePagedList } from '../../../hooks/usePagedList'
import ListFooter from '../../../components/ListFooter'
import SearchBar from '../../../components/SearchBar'
import { ROUTES, withQuery } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import LoadError from '../../components/LoadError'
import MemberRow from '../../components/MemberRow'
import { rememberMembers } from '../../utils/memberNames'
import Filters, { describeFilters, type MemberFilters } from './Filters'
import './index.scss'

function Members() {
  const tree = useAsync(() => callFunction('listUnits', {}))
  const [search, setSearch] = useState('')
  const [filters, setFilters] = useState<MemberFilters>({})
  const [filtering, setFiltering] = useState(false)
  const query = { ...filters, search: search || undefined }
  const list = usePagedList((cursor) => callFunction('listMembers', { ...query, cursor }), JSON.stringify(query))

  useEffect(() => rememberMembers(list.items), [list.items])

  const open = (id: string, name: string) => void Taro.navigateTo({ url: withQuery(ROUTES.adminMember, { id, name }) })

  return (
    <View>
      <View className='card'>
        <SearchBar search={search} onSearch={setSearch} placeholder='姓名或手机号' maxlength={20} />
        <View className='members-filter' onClick={() => setFiltering(!filtering)}>
          <Text className='members-filter__label'>筛选</Text>
          <Text className='members-filter__value'>{describeFilters(tree.data, filters)}</Text>
          <Text className='members-filter__toggle'>{filtering ? '收起' : '更改'}</Text>
        </View>
        {filtering && <Filters tree={tree.data} value={filters} onChange={setFilters} />}
      </View>

      <Button className='plain-button members-add' onClick={() => void Taro.navigateTo({ url: ROUTES.adminPreregister })}>
        预登记新成员
      </Button>

      <View className='card'>
        {list.status === 'error' && list.error ? (
          <LoadError error={list.error} onRetry={() => void list.reload()} />
        ) : (
          <>
            {list.items.map((m) => (
              <MemberRow key={m._id} member={m} onClick={() => open(m._id, m.name)} />
            ))}
            <ListFooter list={list} empty={search ? `没有找到「${search}」` : '没有符合条件的成员'} />
          </>
        )}
      </View>
    </View>
  )
}

export default function MembersPage() {
  return <AdminPage>{() => <Members />}</AdminPage>
}
