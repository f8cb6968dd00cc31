import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ActionOutput, MemberProfile, UnitNode } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { toCloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { Loading } from '../../../components/Status'
import AdminPage from '../../components/AdminPage'
import LoadError from '../../components/LoadError'
import { confirm } from '../../utils/confirm'
import UnitForm, { type UnitEdit } from './UnitForm'
import './index.scss'

type Tree = ActionOutput<'listUnits'>
type Branch = Tree['branches'][number]

const KIND = { committee: '党委', branch: '党支部', group: '党小组' }

interface UnitActions {
  /** The organisation's admin manages branches; a branch's admin only its groups. */
  canManageBranches: boolean
  edit: UnitEdit | null
  setEdit: (edit: UnitEdit | null) => void
  archive: (unit: UnitNode) => void
  saved: () => void
}

function UnitLine({ unit, actions, manageable }: { unit: UnitNode; actions: UnitActions; manageable: boolean }) {
  const kind = unit.kind === 'group' ? 'group' : 'branch'
  const editing = actions.edit?.id === unit._id
  return (
    <View className={`unit unit--${kind}${unit.archived ? ' unit--archived' : ''}`}>
      <View className='unit__line'>
        <View className='unit__main'>
          <Text className='unit__name'>{unit.name}</Text>
          <Text className='unit__count'>{`${unit.memberCount} 人`}</Text>
          {unit.archived && <Text className='tag'>已归档</Text>}
        </View>
        {manageable && !editing && (
          <View className='unit__actions'>
            <Text className='text-button' onClick={() => actions.setEdit({ kind, id: unit._id, name: unit.name })}>
              改名
            </Text>
            <Text className='text-button' onClick={() => actions.archive(unit)}>
              {unit.archived ? '恢复' : '归档'}
            </Text>
          </View>
        )}
      </View>
      {editing && <UnitForm edit={actions.edit!} onDone={actions.saved} onCancel={() => actions.setEdit(null)} />}
    </View>
  )
}

function BranchCard({ branch, actions }: { branch: Branch; actions: UnitActions }) {
  const adding = actions.edit && !actions.edit.id && actions.edit.kind === 'group' && actions.edit.parentId === branch._id
  return (
    <View className='card'>
      <UnitLine unit={branch} actions={actions} manageable={actions.canManageBranches} />
      <View className='unit__groups'>
        {branch.groups.length === 0 && <Text className='section-note'>还没有党小组</Text>}
        {branch.groups.map((g) => (
          <UnitLine key={g._id} unit={g} actions={actions} manageable />
        ))}
      </View>
      {adding ? (
        <UnitForm edit={actions.edit!} onDone={actions.saved} onCancel={() => actions.setEdit(null)} />
      ) : (
        !branch.archived && (
          <Button className='plain-button unit__add' onClick={() => actions.setEdit({ kind: 'group', parentId: branch._id, name: '' })}>
            新建党小组
          </Button>
        )
      )}
    </View>
  )
}

function Units({ me }: { me: MemberProfile }) {
  const tree = useAsync(() => callFunction('listUnits', {}))
  const [edit, setEdit] = useState<UnitEdit | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void tree.reload().finally(() => Taro.stopPullDownRefresh())
  })

  async function archive(unit: UnitNode) {
    const kind = KIND[unit.kind]
    const sure = unit.archived
      ? await confirm(`恢复${kind}`, `恢复「${unit.name}」后，可以重新接收新成员。`, '恢复')
      : await confirm(`归档${kind}`, `归档后「${unit.name}」不再接收新成员，原有成员和学习记录都会保留。确定归档吗？`, '归档')
    if (!sure) return
    setFailure(null)
    try {
      await callFunction('archiveUnit', { id: unit._id, archived: !unit.archived })
      await tree.reload()
    } catch (error) {
      setFailure(toCloudError(error).message)
    }
  }

  const actions: UnitActions = {
    canManageBranches: me.roles.includes('orgAdmin'),
    edit,
    setEdit: (next) => {
      setFailure(null)
      setEdit(next)
    },
    archive: (unit) => void archive(unit),
    saved: () => {
      setEdit(null)
      void tree.reload()
    },
  }

  if (!tree.data) {
    return tree.status === 'error' ? (
      <View className='card'>
        <LoadError error={tree.error} onRetry={() => void tree.reload()} />
      </View>
    ) : (
      <View className='card'>
        <Loading />
      </View>
    )
  }

  const addingBranch = edit && !edit.id && edit.kind === 'branch'
  return (
    <View>
      <View className='banner banner--compact'>
        <Text className='banner__title'>{tree.data.committee.name}</Text>
        <Text className='banner__sub'>{`${tree.data.branches.length} 个党支部 · 人数不含已停用和待认领的成员`}</Text>
      </View>
      {failure && <Text className='message message--error'>{failure}</Text>}
      {tree.data.branches.length === 0 && (
        <View className='card'>
          <Text className='section-note'>还没有党支部。</Text>
        </View>
      )}
      {tree.data.branches.map((b) => (
        <BranchCard key={b._id} branch={b} actions={actions} />
      ))}
      {actions.canManageBranches && (
        <View className='card'>
          {addingBranch ? (
            <UnitForm edit={edit} onDone={actions.saved} onCancel={() => setEdit(null)} />
          ) : (
            <Button className='plain-button unit__add' onClick={() => actions.setEdit({ kind: 'branch', name: '' })}>
              新建党支部
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

export default function UnitsPage() {
  return <AdminPage>{(me) => <Units me={me} />}</AdminPage>
}
