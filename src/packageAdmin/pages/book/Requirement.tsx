import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { AdminBook } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import Chips from '../../../components/Chips'
import Toggle from '../../../components/Toggle'
import LoadError from '../../components/LoadError'
import Outcome from '../../components/Outcome'
import { dayKey } from '../../../../types/calendar'
import { checkWhole } from '../../../utils/forms'
import { useAction } from '../../utils/useAction'

type Kind = 'elective' | 'required'
type Scope = 'all' | 'some'

const KINDS = [
  { value: 'elective' as const, label: '选修' },
  { value: 'required' as const, label: '必修' },
]
const SCOPES = [
  { value: 'all' as const, label: '全部党支部' },
  { value: 'some' as const, label: '部分党支部' },
]

/** 必修 for a year, for all 党支部 or the chosen ones; or 选修. */
export default function Requirement({ book, onChanged }: { book: AdminBook; onChanged: (book: AdminBook) => void }) {
  const tree = useAsync(() => callFunction('listUnits', {}))
  const required = book.required
  const [kind, setKind] = useState<Kind>(required ? 'required' : 'elective')
  const [year, setYear] = useState(String(required?.year ?? dayKey(new Date()).slice(0, 4)))
  const [scope, setScope] = useState<Scope>(required?.branchIds.length ? 'some' : 'all')
  const [branchIds, setBranchIds] = useState<string[]>(required?.branchIds ?? [])
  const action = useAction()

  // Branches that were archived stay listed while chosen, so they can be taken off.
  const branches = (tree.data?.branches ?? []).filter((b) => !b.archived || branchIds.includes(b._id))
  const nameOf = (id: string) => branches.find((b) => b._id === id)?.name ?? id
  const toggle = (id: string, on: boolean) => setBranchIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))

  const save = () =>
    void action.run(async () => {
      if (kind === 'elective') {
        onChanged(await callFunction('setBookRequirement', { bookId: book._id, year: null, branchIds: [] }))
        return '已设为选修'
      }
      const chosen = scope === 'some' ? branchIds : []
      if (scope === 'some' && chosen.length === 0) throw new CloudError('INVALID_INPUT', '请至少选择一个党支部')
      const after = await callFunction('setBookRequirement', {
        bookId: book._id,
        year: checkWhole(year, { what: '年份', min: 2000, max: 2100, low: '年份无效', high: '年份无效' }),
        branchIds: chosen,
      })
      onChanged(after)
      const who = chosen.length ? chosen.map(nameOf).join('、') : '全部党支部'
      return `已设为 ${after.required?.year ?? year} 年必修：${who}`
    })

  return (
    <View className='card'>
      <View className='card__title'>必修与选修</View>
      <Chips choices={KINDS} value={kind} onChange={(next) => next && setKind(next)} />
      {kind === 'required' && (
        <>
          <View className='field'>
            <Text className='field__label'>必修年份</Text>
            <Input
              className='field__input requirement-year'
              type='number'
              value={year}
              maxlength={4}
              disabled={action.busy}
              onInput={(e) => setYear(e.detail.value)}
            />
          </View>
          <Chips label='哪些党支部必修' choices={SCOPES} value={scope} onChange={(next) => next && setScope(next)} />
          {scope === 'some' &&
            (tree.status === 'error' && !tree.data ? (
              <LoadError error={tree.error} onRetry={() => void tree.reload()} />
            ) : (
              branches.map((b) => (
                <Toggle key={b._id} label={b.name} checked={branchIds.includes(b._id)} disabled={action.busy} onChange={(on) => toggle(b._id, on)} />
              ))
            ))}
        </>
      )}
      <Outcome outcome={action.outcome} />
      <Button className='plain-button form-action' disabled={action.busy} onClick={save}>
        {action.busy ? '正在保存…' : '保存必修设置'}
      </Button>
    </View>
  )
}
