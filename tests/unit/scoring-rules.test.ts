import { DEFAULT_RULES, dayPoints, describeScoreRules, kindPoints, rulesOn, standing, starsFor } from '../../server/scoring/rules'
import { differences, reconcileFrom, totalsFrom, totalsFromSums, type LedgerSums } from '../../server/scoring/replay'
import type { ScoreRules } from '../../types'

const hours = (h: number) => h * 3600

describe('points and daily caps', () => {
  it('gives points for every whole unit of quantity, up to the day’s cap', () => {
    const study = DEFAULT_RULES.kinds.studyTime // 1 point per 600 s, 12 a day
    expect(kindPoints(study, 599)).toBe(0)
    expect(kindPoints(study, 600)).toBe(1)
    expect(kindPoints(study, 1799)).toBe(2)
    expect(kindPoints(study, hours(2))).toBe(12)
    expect(kindPoints(study, hours(4))).toBe(12)
    const reply = DEFAULT_RULES.kinds.reply // 1 each, 3 a day
    expect([0, 1, 2, 3, 4, 10].map((n) => kindPoints(reply, n))).toEqual([0, 1, 2, 3, 3, 3])
  })

  it('caps each kind on its own, and a day’s points do not depend on the order events came in', () => {
    expect(dayPoints(DEFAULT_RULES, { checkin: 1, reply: 9, studyTime: 1200 })).toBe(2 + 3 + 2)
    expect(dayPoints(DEFAULT_RULES, { checkin: 3 })).toBe(2)
  })
})

describe('rule versions', () => {
  const v = (effectiveFrom: string, checkin: number): ScoreRules => ({
    ...DEFAULT_RULES,
    effectiveFrom,
    kinds: { ...DEFAULT_RULES.kinds, checkin: { points: checkin, per: 1, dailyCap: checkin } },
  })
  const versions = [v('2026-12-01', 5), v('2026-07-01', 3)]

  it('picks the version in force on the day, the default before any', () => {
    expect(rulesOn(versions, '2026-06-30')).toBe(DEFAULT_RULES)
    expect(rulesOn(versions, '2026-07-01').kinds.checkin.points).toBe(3)
    expect(rulesOn(versions, '2026-11-30').kinds.checkin.points).toBe(3)
    expect(rulesOn(versions, '2026-12-01').kinds.checkin.points).toBe(5)
  })

  it('replays a ledger spanning a change under each day’s own version', () => {
    const sums: LedgerSums = {
      lastAt: new Date(),
      parts: [
        { d: '2026-11-30', k: 'checkin', r: false, q: 1 },
        { d: '2026-12-01', k: 'checkin', r: false, q: 1 },
      ],
    }
    const totals = totalsFromSums(sums, versions)
    expect(totals.d['2026-11-30'].p).toBe(3)
    expect(totals.d['2026-12-01'].p).toBe(5)
    // Monday 2026-11-30 starts the week; both days are in Q4 2026.
    expect(totals.w).toEqual({ '2026-11-30': { p: 8, s: 0 } })
    expect(totals.y['2026']).toEqual({ p: 8, s: 0, rc: 0 })
  })
})

describe('totals from the ledger', () => {
  const sums: LedgerSums = {
    lastAt: new Date(),
    parts: [
      // Sunday 2026-12-27 and Friday 2027-01-01: one week, two years.
      { d: '2026-12-27', k: 'studyTime', r: false, q: 1800 },
      { d: '2027-01-01', k: 'chapterDone', r: true, q: 2 },
      { d: '2027-01-01', k: 'chapterDone', r: false, q: 1 },
    ],
  }

  it('sums days into weeks (by their Monday), quarters and years; counts required chapters', () => {
    const t = totalsFromSums(sums, [])
    expect(t.w).toEqual({ '2026-12-21': { p: 3, s: 1800 }, '2026-12-28': { p: 9, s: 0 } })
    expect(t.q).toEqual({ '2026-Q4': { p: 3, s: 1800 }, '2027-Q1': { p: 9, s: 0 } })
    expect(t.y).toEqual({ '2026': { p: 3, s: 1800, rc: 0 }, '2027': { p: 9, s: 0, rc: 2 } })
  })

  it('finds differences whatever zeros were written or left out', () => {
    const t = totalsFromSums(sums, [])
    expect(differences({ ...t, w: { ...t.w, extra: { p: 0, s: 0 } } }, t)).toEqual([])
    expect(differences({ ...t, y: { ...t.y, '2027': { p: 10, s: 0, rc: 2 } } }, t)).toEqual([{ path: 'y.2027.p', stored: 10, ledger: 9 }])
    const fromNothing = differences(undefined, t)
    expect(fromNothing).toHaveLength(14)
    expect(fromNothing.every((d) => d.stored === 0 && d.ledger > 0)).toBe(true)
  })
})

describe('stars and the projection', () => {
  const f = (h: number, requiredChapters: number, points: number) => ({ studySeconds: hours(h), requiredChapters, points })

  it('gives the highest threshold met in all three figures', () => {
    expect(starsFor(DEFAULT_RULES, f(0, 0, 0))).toBe(0)
    expect(starsFor(DEFAULT_RULES, f(10, 0, 100))).toBe(1)
    expect(starsFor(DEFAULT_RULES, f(9.99, 50, 1000))).toBe(0)
    expect(starsFor(DEFAULT_RULES, f(45, 10, 400))).toBe(3)
    expect(starsFor(DEFAULT_RULES, f(100, 29, 2000))).toBe(4)
    expect(starsFor(DEFAULT_RULES, f(80, 30, 800))).toBe(5)
  })

  it('projects the year’s end from the pace so far, and says what the next star takes', () => {
    // 1 July 2026: 182 of 365 days begun.
    const s = standing(DEFAULT_RULES, 2026, '2026-07-01', f(21, 6, 250))
    expect(s).toMatchObject({ stars: 2, hours: 21, next: { stars: 3, hours: 19, requiredChapters: 4, points: 150 } })
    // × 365/182: 42.1 h, 12 chapters, 501 points.
    expect(s.projectedStars).toBe(3)
  })

  it('projects nothing more than earned on the last day, and no next star at five', () => {
    expect(standing(DEFAULT_RULES, 2026, '2026-12-31', f(10, 0, 100)).projectedStars).toBe(1)
    expect(standing(DEFAULT_RULES, 2026, '2026-12-31', f(80, 30, 800)).next).toBeNull()
  })

  it('counts a leap year’s days', () => {
    // Day 183 of both years: × 366/183 = 2 reaches 10 h and 100 points; × 365/183 falls short.
    expect(standing(DEFAULT_RULES, 2028, '2028-07-01', f(5, 0, 50)).projectedStars).toBe(1)
    expect(standing(DEFAULT_RULES, 2027, '2027-07-02', f(5, 0, 50)).projectedStars).toBe(0)
  })
})

describe('the rules in words', () => {
  it('says every kind, the caps, the thresholds and the effective date', () => {
    const lines = describeScoreRules({ ...DEFAULT_RULES, effectiveFrom: '2027-01-01' })
    expect(lines).toContain('学时：每 10 分钟得 1 分，每天最多 12 分。')
    expect(lines).toContain('发言被组长设为精选：每次得 3 分，每天最多 6 分。')
    expect(lines).toContain('★★★★★：全年学时 80 小时、必读书目 30 章、积分 800 分，三项都达到。')
    expect(lines.some((l) => l.startsWith('发言被本人删除或被组长隐藏后') && l.includes('积分收回'))).toBe(true)
    expect(lines.at(-1)).toContain('本规则自 2027-01-01 起生效')
  })
})

describe('the year nightly reconciliation works out', () => {
  it('starts on the Monday of 1 January’s week, and keeps last year for the new year’s first week', () => {
    expect(reconcileFrom('2026-11-23')).toBe('2025-12-29')
    expect(reconcileFrom('2027-01-01')).toBe('2025-12-29')
    expect(reconcileFrom('2027-01-07')).toBe('2025-12-29')
    expect(reconcileFrom('2027-01-08')).toBe('2026-12-28')
  })

  it('keeps the periods that start on or after its first day, so none is compared half-read', () => {
    const totals = {
      d: { '2025-12-28': { p: 1, k: {} }, '2025-12-29': { p: 2, k: {} } },
      w: { '2025-12-22': { p: 1, s: 0 }, '2025-12-29': { p: 2, s: 0 } },
      q: { '2025-Q4': { p: 3, s: 0 }, '2026-Q1': { p: 0, s: 0 } },
      y: { '2025': { p: 3, s: 0, rc: 0 }, '2026': { p: 0, s: 0, rc: 0 } },
    }
    expect(totalsFrom(totals, '2025-12-29')).toEqual({
      d: { '2025-12-29': { p: 2, k: {} } },
      w: { '2025-12-29': { p: 2, s: 0 } },
      q: { '2026-Q1': { p: 0, s: 0 } },
      y: { '2026': { p: 0, s: 0, rc: 0 } },
    })
  })
})
