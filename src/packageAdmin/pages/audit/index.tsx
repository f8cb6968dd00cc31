import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { AuditEntry } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { usePagedList } from '../../../hooks/usePagedList'
import { queryValue } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import ListCard from '../../components/ListCard'
import { beijingTime } from '../../../../types/calendar'
import { describeAudit, type Names } from '../../utils/format'
import { memberName, rememberMembers } from '../../utils/memberNames'
import './index.scss'

function Entry({ entry, names }: { entry: AuditEntry; names: Names }) {
  const text = describeAudit(entry, names)
  return (
    <View className='audit'>
      <View className='audit__head'>
        <Text className='audit__title'>{text.title}</Text>
        <Text className='audit__target'>{text.target}</Text>
      </View>
      {text.changes.map((line) => (
        <Text key={line} className='audit__change'>
          {line}
        </Text>
      ))}
      <Text className='audit__meta'>{`${beijingTime(entry.at)} · 操作人 ${entry.actorName}`}</Text>
    </View>
  )
}

function Audit({ targetId, targetName }: { targetId?: string; targetName?: string }) {
  const tree = useAsync(() => callFunction('listUnits', {}))
  const list = usePagedList((cursor) => callFunction('listAudit', { targetId, cursor }), targetId)

  useEffect(() => {
    // Registrations name their member: later entries about them can say who.
    rememberMembers(
      list.items.flatMap((e) => (e.targetType === 'member' && typeof e.after?.name === 'string' ? [{ _id: e.targetId, name: e.after.name }] : [])),
    )
  }, [list.items])

  const units = new Map<string, string>()
  if (tree.data) {
    units.set(tree.data.committee._id, tree.data.committee.name)
    for (const b of tree.data.branches) {
      units.set(b._id, b.name)
      for (const g of b.groups) units.set(g._id, g.name)
    }
  }
  const names: Names = {
    unit: (id) => units.get(id),
    member: (id) => (id === targetId ? targetName : undefined) ?? memberName(id),
  }

  return (
    <View>
      {targetName && <Text className='audit-filter'>{`只看与「${targetName}」有关的记录`}</Text>}
      <ListCard list={list} empty='还没有操作记录'>
        {(e) => <Entry key={e._id} entry={e} names={names} />}
      </ListCard>
    </View>
  )
}

export default function AuditPage() {
  const { params } = useRouter()
  const targetId = queryValue(params.targetId) || undefined
  const targetName = queryValue(params.name) || undefined
  return <AdminPage>{() => <Audit targetId={targetId} targetName={targetName} />}</AdminPage>
}
