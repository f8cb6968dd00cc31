import { previousQuarter, quarterDays, quarterEnd, quarterWeeks } from '../../types/calendar'
import { daysLeft, reminderDay } from '../../server/reports/quarters'
import { figuresOf } from '../../server/reports/figures'
import { isBehind, missingNote, behindNote } from '../../server/reports/remind'
import { aggregate, rankUnits } from '../../server/reports/report'
import type { RowDoc } from '../../server/reports/docs'
import type { WeeklyListDoc } from '../../server/weekly/docs'

describe('quarters (Asia/Shanghai)', () => {
  it('runs from the first of its first month to the last day of its third', () => {
    expect(quarterDays('2026-Q1')).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' })
    expect(quarterDays('2028-Q1').lastDay).toBe('2028-03-31')
    expect(quarterDays('2026-Q4')).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' })
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4')
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2')
  })

  it('ends at the next quarter’s Beijing midnight, whatever the server zone', () => {
    expect(quarterEnd('2026-Q4').toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('owns the weeks whose Monday falls in it: each week counts in exactly one quarter', () => {
    const q4 = quarterWeeks('2026-Q4')
    expect(q4[0]).toBe('2026-10-05')
    expect(q4[q4.length - 1]).toBe('2026-12-28')
    expect(q4).toHaveLength(13)
    // The week of 28 December 2026 runs into January but belongs to Q4 only.
    expect(quarterWeeks('2027-Q1')[0]).toBe('2027-01-04')
  })

  it('reminds two weeks before it ends: 14 days left on 18 December, 1 on the last day', () => {
    expect(reminderDay('2026-Q4')).toBe('2026-12-18')
    expect(daysLeft('2026-Q4', '2026-12-18')).toBe(14)
    expect(daysLeft('2026-Q4', '2026-12-31')).toBe(1)
  })
})

const list = (week: string, targetMinutes = 30): WeeklyListDoc => ({
  _id: `l-${week}`,
  week,
  intro: '',
  targetMinutes,
  branchIds: [],
  items: [{ key: 'i1', kind: 'article', refId: `a-${week}`, title: `文章${week}`, bookTitle: null, url: null, minutes: 5, required: true }],
  status: 'published',
  publishedTo: 1,
  createdBy: 'org',
  createdAt: '',
  updatedAt: '',
})

describe('a member’s quarter', () => {
  const lists = [list('2026-11-30'), list('2026-12-07'), list('2026-12-14')]
  const doneAt = new Date('2026-12-10T02:00:00Z')
  const ledger = {
    quarters: { '2026-Q4': 50 * 60 },
    weeks: { '2026-11-30': 30 * 60, '2026-12-07': 20 * 60 },
    items: { 'a_a-2026-11-30': { kind: 'article' as const, id: 'x', bookId: null, s: 300, pos: 1, end: true, done: true, doneAt, at: doneAt, day: null } },
  }

  it('counts required items done by the moment given, weeks whose target was met, and the targets due', () => {
    const f = figuresOf('2026-Q4', lists, ledger, new Date('2026-12-18T01:00:00Z'))
    expect(f).toEqual({
      studySeconds: 3000,
      requiredDone: 1,
      requiredCount: 3,
      left: ['文章2026-12-07', '文章2026-12-14'],
      weeks: 3,
      weeksMet: 1,
      targetSecondsDue: 2 * 30 * 60,
    })
    expect(isBehind(f)).toBe(true)
    expect(missingNote(f)).toBe('还差必学2项、学时10分钟')
  })

  it('is on track with every item done and the time of the ended weeks studied', () => {
    const f = figuresOf('2026-Q4', lists.slice(0, 1), ledger, new Date('2026-12-18T01:00:00Z'))
    expect(isBehind(f)).toBe(false)
  })

  it('names up to two of those behind for their leader', () => {
    expect(behindNote(['甲'])).toBe('甲进度落后')
    expect(behindNote(['甲', '乙', '丙'])).toBe('甲、乙等3人进度落后')
  })
})

describe('units aggregated and ranked', () => {
  const row = (over: Partial<RowDoc>): RowDoc => ({
    _id: '',
    quarter: '2026-Q4',
    memberId: '',
    name: '',
    groupId: 'g',
    groupName: '',
    branchId: 'b',
    branchName: '',
    studySeconds: 3600,
    requiredDone: 1,
    requiredCount: 2,
    weeksMet: 1,
    weeks: 2,
    checkInDays: 10,
    points: 100,
    exams: 1,
    examsPassed: 0,
    meetings: 2,
    meetingsAttended: 1,
    meetingsOnLeave: 0,
    stars: 1,
    projectedStars: 2,
    ...over,
  })
  const unit = (unitId: string, rows: RowDoc[]) => aggregate({ unitId, kind: 'group', name: unitId, parentId: 'b' }, rows)

  it('sums members’ figures into rates and an average star rating', () => {
    expect(unit('g1', [row({}), row({ requiredDone: 2, projectedStars: 3, studySeconds: 0 })])).toMatchObject({
      members: 2,
      requiredDone: 3,
      requiredCount: 4,
      completionRate: 0.75,
      targetRate: 0.5,
      avgStudySeconds: 1800,
      rating: 2.5,
    })
  })

  it('has no rate over nothing: an empty quarter is —, not 100%, and ranks below any rate', () => {
    const empty = unit('e', [row({ requiredDone: 0, requiredCount: 0, weeksMet: 0, weeks: 0 })])
    expect(empty).toMatchObject({ completionRate: null, targetRate: null })
    expect(unit('none', [])).toMatchObject({ members: 0, completionRate: null, targetRate: null })
    const ranked = rankUnits([empty, unit('z', [row({ requiredDone: 0, weeksMet: 0 })])])
    expect(ranked.map((u) => [u.unitId, u.rank])).toEqual([
      ['z', 1],
      ['e', 2],
    ])
  })

  it('ranks by completion rate, then target rate, then average study time; equals share a rank', () => {
    const ranked = rankUnits([unit('a', [row({})]), unit('b', [row({ requiredDone: 2 })]), unit('c', [row({})]), unit('d', [row({ studySeconds: 7200 })])])
    expect(ranked.map((u) => [u.unitId, u.rank])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 3],
      ['c', 3],
    ])
  })
})
