import { Text } from '@tarojs/components'
import type { MemberProfile, MemberSummary, Role } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { ROLE_NAMES } from '../../../../types/people'
import Toggle from '../../../components/Toggle'
import type { Act } from './act'

type Granted = Exclude<Role, 'member'>

const DESCRIPTIONS: Record<Granted, string> = {
  leader: '带领本党小组学习',
  branchAdmin: '管理本党支部的党小组、成员和邀请码',
  orgAdmin: '管理整个组织',
}

interface Props {
  member: MemberSummary
  me: MemberProfile
  act: Act
  busy: boolean
}

/** 党小组长, 支部管理员, and (for the organisation's admin) 组织管理员, each switched on its own. */
export default function Roles({ member, me, act, busy }: Props) {
  const grantable: Granted[] = me.roles.includes('orgAdmin') ? ['leader', 'branchAdmin', 'orgAdmin'] : ['leader', 'branchAdmin']
  const inactive = member.status === 'inactive'

  function change(role: Granted, on: boolean) {
    const roles = on ? [...member.roles, role] : member.roles.filter((r) => r !== role)
    const name = ROLE_NAMES[role]
    void act(
      on
        ? { title: `任命${name}`, content: `确定任命${member.name}为${name}吗？`, action: '任命' }
        : { title: `撤销${name}`, content: `确定撤销${member.name}的${name}角色吗？`, action: '撤销' },
      () => callFunction('setRoles', { memberId: member._id, roles }),
      on ? `已任命${member.name}为${name}` : `已撤销${member.name}的${name}角色`,
    )
  }

  return (
    <>
      {inactive && <Text className='section-note'>这位成员已停用，恢复后才能设置角色。</Text>}
      {grantable.map((role) => (
        <Toggle
          key={role}
          label={ROLE_NAMES[role]}
          description={DESCRIPTIONS[role]}
          checked={member.roles.includes(role)}
          disabled={busy || inactive}
          onChange={(on) => change(role, on)}
        />
      ))}
    </>
  )
}
