import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ActionOutput, MemberSummary } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import GroupChoice from '../../components/GroupChoice'
import type { Act } from './act'

type Tree = ActionOutput<'listUnits'>

/** 调整党小组: pick the new group, confirm. */
export default function Move({ member, tree, act, busy }: { member: MemberSummary; tree: Tree | undefined; act: Act; busy: boolean }) {
  const [open, setOpen] = useState(false)
  const groupName = (id: string) => tree?.branches.flatMap((b) => b.groups).find((g) => g._id === id)?.name ?? ''

  function move(groupId: string | undefined) {
    if (!groupId) return
    const target = groupName(groupId)
    const lost = member.roles.includes('leader') ? '调走后，党小组长职务会自动取消。' : ''
    void act(
      { title: '调整党小组', content: `确定把${member.name}从「${member.groupName}」调到「${target}」吗？${lost}`, action: '调整' },
      () => callFunction('moveMember', { memberId: member._id, groupId }),
      `已把${member.name}调到「${target}」`,
    ).then((changed) => changed && setOpen(false))
  }

  if (!open) {
    return (
      <View>
        <Text className='section-note'>{`现在在「${member.groupName}」（${member.branchName}）。`}</Text>
        <Button className='plain-button wide-button' disabled={busy || !tree} onClick={() => setOpen(true)}>
          调到其他党小组
        </Button>
      </View>
    )
  }
  return (
    <View>
      <Text className='section-note'>点选要调去的党小组：</Text>
      {tree && <GroupChoice tree={tree} value={undefined} except={member.groupId} onChange={move} />}
      <Button className='plain-button wide-button' onClick={() => setOpen(false)}>
        取消
      </Button>
    </View>
  )
}
