import type { ActionOutput } from '../../../types'
import Chips from '../../components/Chips'

type Tree = ActionOutput<'listUnits'>

interface Props {
  tree: Tree
  value: string | undefined
  onChange: (groupId: string | undefined) => void
  /** A group that is not offered (the member's current one). */
  except?: string
}

/** Picks one open 党小组, the groups listed under their 党支部. */
export default function GroupChoice({ tree, value, onChange, except }: Props) {
  const branches = tree.branches
    .filter((b) => !b.archived)
    .map((b) => ({ branch: b, groups: b.groups.filter((g) => !g.archived && g._id !== except) }))
    .filter((b) => b.groups.length > 0)
  return (
    <>
      {branches.map(({ branch, groups }) => (
        <Chips
          key={branch._id}
          label={branch.name}
          choices={groups.map((g) => ({ value: g._id, label: g.name }))}
          value={groups.some((g) => g._id === value) ? value : undefined}
          onChange={onChange}
        />
      ))}
    </>
  )
}
