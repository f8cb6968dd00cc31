import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { WeeklyList } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { usePagedList } from '../../../hooks/usePagedList'
import ListFooter from '../../../components/ListFooter'
import { ROUTES } from '../../../utils/routes'
import { weekRange } from '../../../../types/calendar'
import AdminPage from '../../components/AdminPage'
import LoadError from '../../components/LoadError'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import { WEEKLY_STATUS_NAMES, WEEKLY_STATUS_TAGS, weeklyListUrl } from '../../utils/weekly'

function Row({ list }: { list: WeeklyList }) {
  const required = list.items.filter((i) => i.required).length
  const status = list.status === 'published' && list.publishedTo !== null ? `已发布 · ${list.publishedTo} 人` : WEEKLY_STATUS_NAMES[list.status]
  return (
    <View className='row' ariaRole='button' onClick={() => void Taro.navigateTo({ url: weeklyListUrl(list) })}>
      <View className='row__main'>
        <Text className='row__title'>{weekRange(list.week)}</Text>
        <Text className='row__sub'>{`${list.audience} · 必学 ${required} 项 · 选学 ${list.items.length - required} 项 · 目标 ${list.targetMinutes} 分钟`}</Text>
        <Text className={`tag ${WEEKLY_STATUS_TAGS[list.status]}`}>{status}</Text>
      </View>
      <Text className='row__arrow'>›</Text>
    </View>
  )
}

function WeeklyLists() {
  const lists = usePagedList((cursor) => callFunction('listWeeklyLists', cursor ? { cursor } : {}))
  useRefreshOnReturn(() => void lists.reload())
  return (
    <View>
      <Text className='section-note'>清单在所选周的周一 08:00 发给党员；发布前可以随时修改。已发布的清单点开查看完成情况。</Text>
      <Button className='big-button' onClick={() => void Taro.navigateTo({ url: ROUTES.adminWeeklyEdit })}>
        编排新一周
      </Button>
      <View className='card'>
        {lists.status === 'error' && lists.error ? (
          <LoadError error={lists.error} onRetry={() => void lists.reload()} />
        ) : (
          <>
            {lists.items.map((list) => (
              <Row key={list._id} list={list} />
            ))}
            <ListFooter list={lists} empty='还没有编排过每周一学' />
          </>
        )}
      </View>
    </View>
  )
}

export default function WeeklyAdminPage() {
  return <AdminPage orgAdminOnly>{() => <WeeklyLists />}</AdminPage>
}
