import type { Member } from '../../server/members'
import { addDays, dayKey, startOfDay } from '../../types/calendar'
import { checkIn } from '../../server/checkin'
import type { CloudDatabase } from '../../server/db/types'
import type { ContentChecker } from '../../server/security/content-check'
import { recordHeartbeat } from '../../server/study/heartbeat'
import { completeAtSeconds, STUDY_RULES } from '../../server/study/rules'
import { seeded } from '../seeded-random'

/**
 * Two weeks of the demo members' study before the seed's day — check-ins and reading — made
 * through the same server code the functions run (check-in, heartbeats), so the check-ins, the study
 * ledgers, the points ledger and the running totals agree exactly and a reconciliation finds nothing
 * to repair. Before those two weeks, three members studied the books all year (`YEAR_READERS`), so
 * the star ratings have someone to show. Only days before the seed's day: everyone can still check
 * in and read today. Each member's habits come from a fixed generator, so every seed writes the same
 * history around its day.
 */

const HISTORY_DAYS = 14

/**
 * Members who studied the books in order through the year, up to the two weeks above: on about
 * `daysPerWeek` days a week, `minutesPerDay` of reading, each item for `pace` times its estimate
 * (credited up to the item's cap of twice it). One evening a week: in about four months they have
 * read everything, 谢伟东 holds ★2 and the others ★1; seeded in a year's first months, they are on
 * the way. Their hours are close to the stars' thresholds because every credited second is a
 * heartbeat the seed runs (about two seconds of seeding for these three).
 */
const YEAR_READERS: Record<string, { pace: number; minutesPerDay: number; daysPerWeek: number }> = {
  'member-17': { pace: 1.85, minutesPerDay: 80, daysPerWeek: 1 },
  'member-28': { pace: 1.0, minutesPerDay: 70, daysPerWeek: 1 },
  'member-34': { pace: 0.95, minutesPerDay: 60, daysPerWeek: 1 },
}
/** How far back their year goes (within the seed's year). */
const YEAR_WEEKS = 26

/** Joined this month: no history yet, to show a newcomer's first steps. */
export const NEWCOMERS: ReadonlySet<string> = new Set(['member-05', 'member-06'])

const REFLECTIONS = ['今天读了一章，收获很大。', '学以致用，把理论和工作结合起来。', '坚持每天学一点。', '']

export interface Readable {
  kind: 'article' | 'chapter'
  id: string
  minutes: number
  /** Articles: the day pushed (not read before it); chapters: null. */
  from: string | null
}

export interface HistoryReport {
  checkIns: number
  readings: number
}

/**
 * One reading session of `seconds` from `start`: a heartbeat every `maxBeatSeconds` (the most one
 * credits), each with the reader's running count and position, interim but the last at the session's
 * end, as the reader sends them.
 */
async function readFor(
  db: CloudDatabase,
  member: Member,
  item: Readable,
  start: Date,
  sessionId: string,
  seconds: number,
  position: { from: number; to: number },
): Promise<void> {
  const beat = STUDY_RULES.maxBeatSeconds
  const beats = Math.ceil(seconds / beat)
  for (let seq = 0; seq <= beats; seq++) {
    const counted = Math.min(seq * beat, seconds)
    const at = new Date(start.getTime() + counted * 1000)
    const done = seq === beats
    await recordHeartbeat(db, member, at, {
      kind: item.kind,
      id: item.id,
      sessionId,
      seq,
      activeSeconds: counted,
      mode: 'read',
      position: position.from + ((position.to - position.from) * counted) / seconds,
      atEnd: done && position.to === 1,
      ...(done ? {} : { interim: true }),
    })
  }
}

/** Reads an item through from `start` in the time that completes it. */
const readThrough = (db: CloudDatabase, member: Member, item: Readable, start: Date, sessionId: string) =>
  readFor(db, member, item, start, sessionId, completeAtSeconds(STUDY_RULES, item), { from: 0, to: 1 })

/**
 * A year reader's days from `first` to `last`: check in, then read on from where they stopped, an
 * item's time (`pace` × its estimate) spread over as many days as it takes; once everything is
 * read, still check in.
 */
async function yearOf(
  db: CloudDatabase,
  checker: ContentChecker,
  member: Member,
  habits: (typeof YEAR_READERS)[string],
  chapters: Readable[],
  first: string,
  last: string,
  random: () => number,
): Promise<HistoryReport> {
  const done: HistoryReport = { checkIns: 0, readings: 0 }
  let next = 0
  /** Seconds already spent on `chapters[next]`. */
  let spent = 0
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (random() * 7 >= habits.daysPerWeek) continue
    // Evening, after work: the check-in at 19:00-19:30, reading from 19:30.
    const evening = startOfDay(day).getTime() + 19 * 3600_000
    await checkIn(db, checker, member, new Date(evening + Math.floor(random() * 30) * 60_000), REFLECTIONS[Math.floor(random() * REFLECTIONS.length)])
    done.checkIns += 1
    let left = habits.minutesPerDay * 60
    let at = evening + 30 * 60_000
    while (left > 0 && next < chapters.length) {
      const item = chapters[next]
      const total = Math.round(habits.pace * item.minutes * 60)
      const seconds = Math.min(left, total - spent)
      await readFor(db, member, item, new Date(at), `year-${day}-${member._id}-${next}`, seconds, { from: spent / total, to: (spent + seconds) / total })
      spent += seconds
      left -= seconds
      at += (seconds + 60) * 1000
      if (spent < total) continue
      done.readings += 1
      next += 1
      spent = 0
    }
  }
  return done
}

/** The seed's pushed articles (by the day pushed) and the books' chapters in reading order. */
export function readablesOf(articles: { _id: string; minutes: number; publishedOn?: string }[], chapters: { _id: string; minutes: number }[]): Readable[] {
  return [
    ...articles.filter((a) => a.publishedOn).map((a): Readable => ({ kind: 'article', id: a._id, minutes: a.minutes, from: a.publishedOn! })),
    ...chapters.map((c): Readable => ({ kind: 'chapter', id: c._id, minutes: c.minutes, from: null })),
  ]
}

/**
 * Each member has a diligence: how many days they check in, and how often they read on those days
 * (the day's pushed article when there is one, else the next chapter). Check-ins fall between 07:30 (the
 * push) and 21:30 Beijing time, reading right after.
 */
export async function seedHistory(db: CloudDatabase, checker: ContentChecker, members: Member[], readables: Readable[], now: Date): Promise<HistoryReport> {
  const today = dayKey(now)
  const articleOn = new Map(readables.filter((r) => r.from).map((r) => [r.from!, r]))
  const chapters = readables.filter((r) => r.kind === 'chapter')

  const yearLast = addDays(today, -HISTORY_DAYS - 1)
  const yearFirst = [`${today.slice(0, 4)}-01-01`, addDays(yearLast, -7 * YEAR_WEEKS + 1)].sort()[1]

  /** One member's days, oldest first (a member's heartbeats must come in time order). */
  async function historyOf(member: Member, index: number): Promise<HistoryReport> {
    const habits = YEAR_READERS[member._id]
    const done: HistoryReport = habits
      ? await yearOf(db, checker, member, habits, chapters, yearFirst, yearLast, seeded(1000 + index))
      : { checkIns: 0, readings: 0 }
    const random = seeded(index + 1)
    const diligence = 0.3 + 0.65 * random()
    let nextChapter = 0
    for (let back = HISTORY_DAYS; back >= 1; back--) {
      const day = addDays(today, -back)
      if (random() > diligence) continue
      const at = new Date(startOfDay(day).getTime() + (7.5 * 60 + Math.floor(random() * 14 * 60)) * 60_000)
      await checkIn(db, checker, member, at, REFLECTIONS[Math.floor(random() * REFLECTIONS.length)])
      done.checkIns += 1
      // Reading on some of the days checked in, more often for the diligent.
      if (random() > diligence * 0.35) continue
      const pushed = articleOn.get(day)
      const item = pushed ?? chapters[nextChapter]
      if (!item) continue
      if (!pushed) nextChapter += 1
      await readThrough(db, member, item, new Date(at.getTime() + 60_000), `seed-${day}-${member._id}`)
      done.readings += 1
    }
    return done
  }

  // Members side by side: the store commits their writes to disk together.
  const reports = await Promise.all(
    members.map((member, index) => (member.status === 'active' && !NEWCOMERS.has(member._id) ? historyOf(member, index) : { checkIns: 0, readings: 0 })),
  )
  return reports.reduce((sum, r) => ({ checkIns: sum.checkIns + r.checkIns, readings: sum.readings + r.readings }), { checkIns: 0, readings: 0 })
}
