import { applyCaps, creditBeat, splitByDay, withoutOverlap, type BeatCredit, type SessionState } from '../../server/study/crediting'
import { completeAtSeconds, describeRules, itemCapSeconds, STUDY_RULES } from '../../server/study/rules'
import { wholeMinutes } from '../../types'

const rules = STUDY_RULES
const at = (iso: string) => new Date(iso)
/** Shanghai wall-clock `2026-11-23 hh:mm:ss` as an instant. */
const sh = (day: string, time: string) => new Date(`${day}T${time}+08:00`)
const session = (seq: number, anchorAt: Date, counted = 0): SessionState => ({ seq, anchorAt, counted })
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms)

describe('crediting one heartbeat', () => {
  const t0 = sh('2026-11-23', '10:00:00')

  it('starts a session nobody opened with its first heartbeat, crediting nothing of its count', () => {
    expect(creditBeat(rules, undefined, { seq: 0, at: t0, counted: 40 })).toEqual({ outcome: 'started', seconds: 0, parts: [], anchorAt: t0, counted: 40 })
  })

  it('credits the new part of the reader’s count, as the time just before the heartbeat', () => {
    const now = plus(t0, 300_000)
    const c = creditBeat(rules, session(1, t0, 100), { seq: 2, at: now, counted: 340 })
    expect(c).toEqual({
      outcome: 'credited',
      seconds: 240,
      parts: [{ day: '2026-11-23', seconds: 240, at: plus(now, -240_000) }],
      anchorAt: now,
      counted: 340,
      end: now,
    })
  })

  it('credits a tampered count only as far as the server’s clock moved', () => {
    const c = creditBeat(rules, session(1, t0, 100), { seq: 2, at: plus(t0, 60_500), counted: 5000 })
    expect(c).toMatchObject({ outcome: 'clock', seconds: 60, anchorAt: plus(t0, 60_000), counted: 160, end: plus(t0, 60_000) })
  })

  it('loses nothing to arrival jitter: what the clock cut is credited by the next heartbeat', () => {
    // An honest reader reports every 300 s of reading; its heartbeats arrive 0.4 s early, then on time.
    let s = session(0, t0)
    let total = 0
    for (let seq = 1; seq <= 10; seq++) {
      const early = seq % 2 === 1 ? 400 : 0
      const c = creditBeat(rules, s, { seq, at: plus(t0, seq * 300_000 - early), counted: seq * 300 })
      total += c.seconds
      s = session(seq, c.anchorAt!, c.counted)
    }
    expect(total).toBe(3000)
  })

  it('credits a heartbeat after a long gap what the reader counted, at most maxBeatSeconds', () => {
    const late = plus(t0, 3600_000)
    expect(creditBeat(rules, session(1, t0, 100), { seq: 2, at: late, counted: 220 })).toMatchObject({ outcome: 'credited', seconds: 120, end: late })
    expect(creditBeat(rules, session(1, t0, 100), { seq: 2, at: late, counted: 2000 })).toMatchObject({
      outcome: 'beatCap',
      seconds: rules.maxBeatSeconds,
      counted: 2000,
    })
  })

  it.each([
    ['the same seq again', 5],
    ['an earlier seq (replayed or late)', 3],
  ])('credits nothing for %s and leaves the session as it was', (_what, seq) => {
    expect(creditBeat(rules, session(5, t0, 100), { seq, at: plus(t0, 300_000), counted: 400 })).toEqual({
      outcome: 'duplicate',
      seconds: 0,
      parts: [],
      anchorAt: undefined,
    })
  })

  it('credits a new seq with the same count nothing (a resent heartbeat), and drops the idle wall-clock time', () => {
    const now = plus(t0, 300_000)
    expect(creditBeat(rules, session(1, t0, 100), { seq: 2, at: now, counted: 100 })).toEqual({
      outcome: 'credited',
      seconds: 0,
      parts: [],
      anchorAt: now,
      counted: 100,
    })
  })

  it('credits nothing when the clock went back, and keeps the count claimable', () => {
    const c = creditBeat(rules, session(1, t0, 100), { seq: 2, at: plus(t0, -5_000), counted: 130 })
    expect(c).toMatchObject({ outcome: 'clock', seconds: 0, anchorAt: plus(t0, -5_000), counted: 100 })
  })
})

describe('pages open at the same time', () => {
  const t0 = sh('2026-11-23', '10:00:00')
  const beat = creditBeat(rules, session(1, t0), { seq: 2, at: plus(t0, 15_000), counted: 15 })

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
    const c = creditBeat(rules, session(1, sh('2026-11-22', '23:59:50')), { seq: 2, at: sh('2026-11-23', '00:00:10'), counted: 20 })
    expect(c.parts.map((p) => [p.day, p.seconds])).toEqual([
      ['2026-11-22', 10],
      ['2026-11-23', 10],
    ])
    expect(c.parts[1].at).toEqual(sh('2026-11-23', '00:00:00'))
  })

  it('places counted time short of the interval at its end, across midnight too', () => {
    const c = creditBeat(rules, session(1, sh('2026-11-22', '23:59:30')), { seq: 2, at: sh('2026-11-23', '00:00:15'), counted: 30 })
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
    const capped = applyCaps(
      credit([
        ['2026-11-22', 10],
        ['2026-11-23', 10],
      ]),
      room(0, { '2026-11-22': 14_400 }),
    )
    expect(capped.parts.map((p) => [p.day, p.seconds])).toEqual([['2026-11-23', 10]])
    expect(capped.reason).toBe('dayCap')
  })

  it('spends the item room on the earlier part first', () => {
    const capped = applyCaps(
      credit([
        ['2026-11-22', 10],
        ['2026-11-23', 10],
      ]),
      room(105),
    )
    expect(capped.parts.map((p) => [p.day, p.seconds])).toEqual([
      ['2026-11-22', 10],
      ['2026-11-23', 5],
    ])
  })
})

describe('the rules', () => {
  it('derive an item’s cap and completion point from its estimated minutes, a video’s from its length', () => {
    expect(itemCapSeconds(rules, { minutes: 5 })).toBe(600)
    expect(completeAtSeconds(rules, { minutes: 5 })).toBe(240)
    expect(completeAtSeconds(rules, { minutes: 1 })).toBe(48)
    expect(completeAtSeconds(rules, { minutes: 3 })).toBe(144)
    // 看完: 90% of a 10-minute video, whatever the text's estimate.
    expect(completeAtSeconds(rules, { minutes: 10, videoSeconds: 600 })).toBe(540)
    expect(completeAtSeconds(rules, { minutes: 12, videoSeconds: 125 })).toBe(113)
    expect(wholeMinutes(119)).toBe(1)
  })

  it('are explained in Chinese with the numbers in force', () => {
    const described = describeRules({ ...rules, weeklyTargetMinutes: 45 })
    const text = described.sentences.join('')
    for (const fragment of ['每 10 分钟', '最多 11 分钟', '2 分钟未操作', '2 倍', '240 分钟', '80%', '45 分钟', '北京时间零点'])
      expect(text).toContain(fragment)
    expect(described).toMatchObject({ heartbeatSeconds: 600, maxBeatSeconds: 660, idleAfterSeconds: 120, dayCapMinutes: 240, weeklyTargetMinutes: 45 })
  })
})
