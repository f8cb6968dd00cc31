import type { ActionOutput, MemberStatus, Role } from '../../../../types'
import Chips from '../../../components/Chips'
import { STATUS_NAMES } from '../../utils/format'
import { ROLE_NAMES } from '../../../../types/people'

type Tree = ActionOutput<'listUnits'>

export interface MemberFilters {
  branchId?: string
  groupId?: string
  role?: Role
  status?: MemberStatus
}

const ROLES: Role[] = ['leader', 'branchAdmin', 'orgAdmin']
const STATUSES: MemberStatus[] = ['active', 'review', 'pending', 'inactive']

interface Props {
  tree: Tree | undefined
  value: MemberFilters
  onChange: (value: MemberFilters) => void
}

/** The filters in a few words: 机关第二党支部 · 党小组长. */
export function describeFilters(tree: Tree | undefined, value: MemberFilters): string {
  const units = tree?.branches.flatMap((b) => [b, ...b.groups]) ?? []
  const name = (id: string | undefined) => units.find((u) => u._id === id)?.name
  const parts = [
    value.groupId ? name(value.groupId) : name(value.branchId),
    value.role && ROLE_NAMES[value.role],
    value.status && STATUS_NAMES[value.status],
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : '全部成员'
}

/** 党支部, 党小组 (of the chosen 党支部, or of the only one), 角色 and 状态. */
export default function Filters({ tree, value, onChange }: Props) {
  const branches = tree?.branches ?? []
  const branch = branches.length === 1 ? branches[0] : branches.find((b) => b._id === value.branchId)
  return (
    <>
      {branches.length > 1 && (
        <Chips
          label='党支部'
          allLabel='全部'
          choices={branches.map((b) => ({ value: b._id, label: b.name }))}
          value={value.branchId}
          onChange={(branchId) => onChange({ ...value, branchId, groupId: undefined })}
        />
      )}
      {branch && (
        <Chips
          label='党小组'
          allLabel='全部'
          choices={branch.groups.map((g) => ({ value: g._id, label: g.name }))}
          value={value.groupId}
          onChange={(groupId) => onChange({ ...value, groupId })}
        />
      )}
      <Chips
        label='角色'
        allLabel='全部'
        choices={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
      />
      <Chips
        label='状态'
        allLabel='全部'
        choices={STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
      />
    </>
  )
}
