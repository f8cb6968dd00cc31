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
 * to repair. Only days before the seed's day: everyone can still check in and read today. Each member's
 * habits come from a fixed generator, so every seed writes the same history around its day.
 */

const HISTORY_DAYS = 14

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
 * Reads an item to its end from `start`: a heartbeat every `maxBeatSeconds` (the most one credits),
 * each with the reader's running count, the last one at the end.
 */
async function readThrough(db: CloudDatabase, member: Member, item: Readable, start: Date, sessionId: string): Promise<void> {
  const beats = Math.ceil(completeAtSeconds(STUDY_RULES, item) / STUDY_RULES.maxBeatSeconds)
  for (let seq = 0; seq <= beats; seq++) {
    const at = new Date(start.getTime() + seq * STUDY_RULES.maxBeatSeconds * 1000)
    await recordHeartbeat(db, member, at, {
      kind: item.kind,
      id: item.id,
      sessionId,
      seq,
      activeSeconds: seq * STUDY_RULES.maxBeatSeconds,
      mode: 'read',
      position: seq / beats,
      atEnd: seq === beats,
    })
  }
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

  /** One member's days, oldest first (a member's heartbeats must come in time order). */
  async function historyOf(member: Member, index: number): Promise<HistoryReport> {
    const done: HistoryReport = { checkIns: 0, readings: 0 }
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
