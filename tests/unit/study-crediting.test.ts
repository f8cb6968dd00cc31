import { applyCaps, creditBeat, splitByDay, withoutOverlap, type BeatCredit, type SessionState } from '../../server/study/crediting'
import { completeAtSeconds, describeRules, itemCapSeconds, STUDY_RULES } from '../../server/study/rules'
import { wholeMinutes } from '../../types'

const rules = STUDY_RULES
const at = (iso: string) => new Date(iso)
/** Shanghai wall-clock `2026-11-23 hh:mm:ss` as an instant. */
const sh = (day: string, time: string) => new Date(`${day}T${time}+08:00`)
const session = (seq: number, anchorAt: Date): SessionState => ({ seq, anchorAt })
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms)

describe('crediting one heartbeat', () => {
  const t0 = sh('2026-11-23', '10:00:00')

  it('starts a session with its first heartbeat, crediting nothing', () => {
    expect(creditBeat(rules, undefined, { seq: 0, at: t0 })).toEqual({ outcome: 'started', seconds: 0, parts: [], anchorAt: t0 })
  })

  it('credits the whole seconds since the previous heartbeat', () => {
    const c = creditBeat(rules, session(1, t0), { seq: 2, at: plus(t0, 15_000) })
    const end = plus(t0, 15_000)
    expect(c).toEqual({ outcome: 'credited', seconds: 15, parts: [{ day: '2026-11-23', seconds: 15, at: t0 }], anchorAt: end, end })
  })

  it('carries the part of a second not credited to the next heartbeat, so a session loses nothing', () => {
    let s = session(0, t0)
    let total = 0
    for (let seq = 1; seq <= 10; seq++) {
      const c = creditBeat(rules, s, { seq, at: plus(t0, seq * 15_400) })
      total += c.seconds
      s = session(seq, c.anchorAt!)
    }
    expect(total).toBe(154) // 10 × 15.4 s
  })

  it.each([
    ['the same seq again', 5],
    ['an earlier seq (replayed or late)', 3],
  ])('credits nothing for %s and leaves the session as it was', (_what, seq) => {
    expect(creditBeat(rules, session(5, t0), { seq, at: plus(t0, 15_000) })).toEqual({ outcome: 'duplicate', seconds: 0, parts: [], anchorAt: undefined })
  })

  it('credits nothing for a gap over the limit, and measures from this heartbeat on', () => {
    const late = plus(t0, (rules.gapLimitSeconds + 1) * 1000)
    expect(creditBeat(rules, session(1, t0), { seq: 2, at: late })).toEqual({ outcome: 'gap', seconds: 0, parts: [], anchorAt: late })
    const justIn = plus(t0, rules.gapLimitSeconds * 1000)
    expect(creditBeat(rules, session(1, t0), { seq: 2, at: justIn }).outcome).toBe('beatCap')
  })

  it('credits at most maxBeatSeconds for a gap within the limit: the most recent part of it', () => {
    const now = plus(t0, 45_000)
    expect(creditBeat(rules, session(1, t0), { seq: 2, at: now })).toEqual({
      outcome: 'beatCap',
      seconds: 30,
      parts: [{ day: '2026-11-23', seconds: 30, at: plus(t0, 15_000) }],
      anchorAt: now,
      end: now,
    })
  })

  it('credits nothing when the clock went back', () => {
    const c = creditBeat(rules, session(1, t0), { seq: 2, at: plus(t0, -5_000) })
    expect(c.seconds).toBe(0)
    expect(c.anchorAt).toEqual(plus(t0, -5_000))
  })
})

describe('pages open at the same time', () => {
  const t0 = sh('2026-11-23', '10:00:00')
  const beat = creditBeat(rules, session(1, t0), { seq: 2, at: plus(t0, 15_000) })

  it('credit no instant twice: only the time after the member’s latest credited time counts', () => {
    expect(withoutOverlap(beat, plus(t0, 10_000))).toMatchObject({ outcome: 'overlap', seconds: 5, parts: [{ day: '2026-11-23', seconds: 5 }] })
    expect(withoutOverlap(beat, plus(t0, 15_000))).toMatchObject({ outcome: 'overlap', seconds: 0, parts: [] })
  })

  it('leave time after the latest credited time whole', () => {
    expect(withoutOverlap(beat, t0)).toBe(beat)
    expect(withoutOverlap(beat, undefined)).toBe(beat)
  })
})

describe('the Shanghai day boundary', () => {
  it('splits 23:59:50 → 00:00:10 into 10 s for each day', () => {
    const c = creditBeat(rules, session(1, sh('2026-11-22', '23:59:50')), { seq: 2, at: sh('2026-11-23', '00:00:10') })
    expect(c.parts.map((p) => [p.day, p.seconds])).toEqual([
      ['2026-11-22', 10],
      ['2026-11-23', 10],
    ])
    expect(c.parts[1].at).toEqual(sh('2026-11-23', '00:00:00'))
  })

  it('splits a capped gap across midnight by its most recent part', () => {
    const c = creditBeat(rules, session(1, sh('2026-11-22', '23:59:30')), { seq: 2, at: sh('2026-11-23', '00:00:15') })
    expect(c.parts.map((p) => [p.day, p.seconds])).toEqual([
      ['2026-11-22', 15],
      ['2026-11-23', 15],
    ])
  })

  it('keeps a part ending exactly at midnight on the day before', () => {
    expect(splitByDay(sh('2026-11-23', '00:00:00'), 15).map((p) => [p.day, p.seconds])).toEqual([['2026-11-22', 15]])
  })

  it('splits on Shanghai midnight whatever the UTC date (16:00 UTC)', () => {
    expect(splitByDay(at('2026-12-31T16:00:05Z'), 15).map((p) => [p.day, p.seconds])).toEqual([
      ['2026-12-31', 10],
      ['2027-01-01', 5],
    ])
  })
})

describe('the caps', () => {
  const credit = (parts: [string, number][]): BeatCredit => ({
    outcome: 'credited',
    seconds: parts.reduce((n, [, s]) => n + s, 0),
    parts: parts.map(([day, seconds]) => ({ day, seconds, at: sh(day, '12:00:00') })),
    anchorAt: new Date(),
  })
  const room = (itemSeconds: number, days: Record<string, number> = {}) => ({
    itemSeconds,
    itemCapSeconds: 120,
    daySeconds: (d: string) => days[d] ?? 0,
    dayCapSeconds: 14_400,
  })

  it('leaves a credit under both caps whole', () => {
    expect(applyCaps(credit([['2026-11-23', 15]]), room(0))).toMatchObject({ seconds: 15, reason: 'credited' })
  })

  it('credits only up to the item cap', () => {
    expect(applyCaps(credit([['2026-11-23', 15]]), room(110))).toMatchObject({ seconds: 10, reason: 'itemCap' })
    expect(applyCaps(credit([['2026-11-23', 15]]), room(120))).toEqual({ seconds: 0, parts: [], reason: 'itemCap' })
  })

  it('credits only up to the day cap', () => {
    expect(applyCaps(credit([['2026-11-23', 15]]), room(0, { '2026-11-23': 14_395 }))).toMatchObject({ seconds: 5, reason: 'dayCap' })
  })

  it('applies each day its own cap across midnight', () => {
    const capped = applyCaps(credit([['2026-11-22', 10], ['2026-11-23', 10]]), room(0, { '2026-11-22': 14_400 }))
    expect(capped.parts.map((p) => [p.day, p.seconds])).toEqual([['2026-11-23', 10]])
    expect(capped.reason).toBe('dayCap')
  })

  it('spends the item room on the earlier part first', () => {
    const capped = applyCaps(credit([['2026-11-22', 10], ['2026-11-23', 10]]), room(105))
    expect(capped.parts.map((p) => [p.day, p.seconds])).toEqual([
      ['2026-11-22', 10],
      ['2026-11-23', 5],
    ])
  })
})

describe('the rules', () => {
  it('derive an item’s cap and completion point from its estimated minutes', () => {
    expect(itemCapSeconds(rules, 5)).toBe(600)
    expect(completeAtSeconds(rules, 5)).toBe(240)
    expect(completeAtSeconds(rules, 1)).toBe(48)
    expect(completeAtSeconds(rules, 3)).toBe(144)
    expect(wholeMinutes(119)).toBe(1)
  })

  it('are explained in Chinese with the numbers in force', () => {
    const described = describeRules({ ...rules, weeklyTargetMinutes: 45 })
    const text = described.sentences.join('')
    for (const fragment of ['每 15 秒', '最多 30 秒', '超过 60 秒', '2 倍', '240 分钟', '80%', '45 分钟', '北京时间零点']) expect(text).toContain(fragment)
    expect(described).toMatchObject({ heartbeatSeconds: 15, gapLimitSeconds: 60, dayCapMinutes: 240, weeklyTargetMinutes: 45 })
  })
})
