import type { WeeklyItem } from '../../types'
import type { LedgerDoc, LedgerItem } from '../../server/study/ledger'
import { publishAt, weekEnd, type WeeklyListDoc } from '../../server/weekly/docs'
import { ledgerPaths, memberWeek, requiredLeft } from '../../server/weekly/progress'
import { leftNote, reminderAt } from '../../server/weekly/remind'

const item = (over: Partial<WeeklyItem> & { key: string }): WeeklyItem => ({
  kind: 'article',
  refId: over.key,
  title: `文章${over.key}`,
  bookTitle: null,
  url: null,
  minutes: 5,
  required: true,
  ...over,
})

const LIST: WeeklyListDoc = {
  _id: 'weekly-1',
  week: '2026-11-23',
  intro: '本周学习',
  targetMinutes: 30,
  branchIds: [],
  items: [
    item({ key: 'a1' }),
    item({ key: 'c1', kind: 'chapter', title: '第一章' }),
    item({ key: 'a2', required: false }),
    item({ key: 'l1', kind: 'link', refId: null, url: 'https://example.org/x', required: false }),
  ],
  status: 'published',
  publishedTo: 3,
  createdBy: 'org',
  createdAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
}

const done = (doneAt: string, s = 300): LedgerItem => ({
  kind: 'article',
  id: 'x',
  bookId: null,
  s,
  pos: 1,
  end: true,
  done: true,
  doneAt: new Date(doneAt),
  at: new Date(doneAt),
  day: null,
})
const ledger = (items: Record<string, LedgerItem>, weekSeconds = 0): Partial<LedgerDoc> => ({ items, weeks: { '2026-11-23': weekSeconds } })

describe('每周一学 periods (Asia/Shanghai)', () => {
  it('a list goes out on its Monday at 08:00 Beijing time, whatever the server zone', () => {
    expect(publishAt('2026-11-23').toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })

  it('the week ends at the next Monday’s Beijing midnight; the reminder is Sunday 18:00', () => {
    expect(weekEnd('2026-11-23').toISOString()).toBe('2026-11-29T16:00:00.000Z')
    expect(reminderAt('2026-11-23').toISOString()).toBe('2026-11-29T10:00:00.000Z')
  })
})

describe('每周一学 progress rules', () => {
  it('with no study record: nothing done, target not met, not finished', () => {
    const week = memberWeek(LIST, undefined)
    expect(week).toMatchObject({ requiredDone: 0, requiredCount: 2, weekSeconds: 0, targetMet: false, finished: false })
    expect(requiredLeft(week)).toEqual(['文章a1', '第一章'])
  })

  it('an item completed by the reading rules counts, also when read before the week', () => {
    const week = memberWeek(LIST, ledger({ a_a1: done('2026-11-10T02:00:00Z'), c_c1: done('2026-11-24T02:00:00Z') }))
    expect(week).toMatchObject({ requiredDone: 2, finished: true })
    expect(week.items.map((i) => i.done)).toEqual([true, true, false, false])
  })

  it('read but not completed (time short of the rule, or the end not reached) does not count', () => {
    const started: LedgerItem = { ...done('2026-11-24T02:00:00Z', 120), done: false, doneAt: null }
    const week = memberWeek(LIST, ledger({ a_a1: started }))
    expect(week.items[0]).toMatchObject({ done: false, creditedSeconds: 120 })
    expect(week.finished).toBe(false)
  })

  it('completed at the last second of Sunday counts; at Monday 00:00 Beijing time it belongs to the next week', () => {
    const lastSecond = memberWeek(LIST, ledger({ a_a1: done('2026-11-29T15:59:59Z'), c_c1: done('2026-11-29T15:59:59Z') }))
    const nextWeek = memberWeek(LIST, ledger({ a_a1: done('2026-11-29T16:00:00Z'), c_c1: done('2026-11-29T15:59:59Z') }))
    expect(lastSecond.finished).toBe(true)
    expect(nextWeek).toMatchObject({ finished: false, requiredDone: 1 })
    expect(requiredLeft(nextWeek)).toEqual(['文章a1'])
  })

  it('the target is met by the week’s credited time on any content, at exactly the target', () => {
    expect(memberWeek(LIST, ledger({}, 30 * 60 - 1)).targetMet).toBe(false)
    expect(memberWeek(LIST, ledger({}, 30 * 60))).toMatchObject({ targetMet: true, finished: false, weekSeconds: 1800 })
  })

  it('optional items and links never hold a member back', () => {
    const week = memberWeek(LIST, ledger({ a_a1: done('2026-11-24T02:00:00Z'), c_c1: done('2026-11-24T02:00:00Z') }))
    expect(week.items.filter((i) => !i.done).map((i) => i.key)).toEqual(['a2', 'l1'])
    expect(week.finished).toBe(true)
  })

  it('a link is done once discussed; a discussed article still needs reading', () => {
    const week = memberWeek(LIST, ledger({}), new Set(['a1', 'l1']))
    expect(week.items.map((i) => [i.key, i.done, i.discussed])).toEqual([
      ['a1', false, true],
      ['c1', false, false],
      ['a2', false, false],
      ['l1', true, true],
    ])
    expect(week.requiredDone).toBe(0)
  })

  it('reads only the ledger paths of the list’s tracked items and its week', () => {
    expect(ledgerPaths(LIST)).toEqual(['items.a_a1', 'items.c_c1', 'items.a_a2', 'weeks.2026-11-23'])
  })

  it('the reminder names the first item left and how many there are', () => {
    expect(leftNote(['学习党章'])).toBe('还差《学习党章》')
    expect(leftNote(['学习党章', '第一章'])).toBe('还差《学习党章》等 2 项')
  })
})
