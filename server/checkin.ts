import type { CheckIn, CheckInOutput, CheckInSummaryOutput, MonthKey } from '../types'
import type { Member } from './members'
import type { z } from 'zod'
import { addDays, dayKey, monthKey, monthLayout } from '../types/calendar'
import { findDoc } from './db/documents'
import { isDuplicateKeyError, type CloudDatabase } from './db/types'
import { authorize, memberTarget } from './permissions'
import { recordScore, type ScoreEvent } from './scoring/ledger'
import type { ScoringRecords } from './scoring/lost-scores'
import { requireCleanText, type ContentChecker } from './security/content-check'
import { currentStreak, streakAfter } from './streak'

export const CHECKINS = 'checkins'

interface CheckInDoc {
  _id: string
  memberId: string
  day: string
  reflection: string
  streak: number
  createdAt: Date
}

/**
 * One document per member per Shanghai day, under an id derived from both: the database's unique
 * `_id` makes a repeated or concurrent check-in fail to insert, on the cloud as in the local store.
 */
export function checkInId(memberId: string, day: string): string {
  return `${memberId}_${day}`
}

const toCheckIn = (doc: CheckInDoc): CheckIn => ({
  _id: doc._id,
  memberId: doc.memberId,
  day: doc.day,
  reflection: doc.reflection,
  streak: doc.streak,
  createdAt: new Date(doc.createdAt).toISOString(),
})

const findCheckIn = (db: CloudDatabase, memberId: string, day: string) => findDoc<CheckInDoc>(db, CHECKINS, checkInId(memberId, day))

export async function checkIn(db: CloudDatabase, checker: ContentChecker, member: Member, now: Date, reflection = ''): Promise<z.infer<typeof CheckInOutput>> {
  authorize(member, 'checkins.write', memberTarget(member))
  // The reflection (心得) is checked as a social log before anything is written.
  await requireCleanText(checker, member.openid, 'log', [reflection])
  const day = dayKey(now)
  const yesterday = await findCheckIn(db, member._id, addDays(day, -1))
  const doc: CheckInDoc = {
    _id: checkInId(member._id, day),
    memberId: member._id,
    day,
    reflection,
    streak: streakAfter(yesterday),
    createdAt: now,
  }
  try {
    await db.collection(CHECKINS).add({ data: doc })
    await scoreCheckIn(db, member, doc)
    return { status: 'created', record: toCheckIn(doc), streak: doc.streak }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const existing = await findCheckIn(db, member._id, day)
  if (!existing) throw new Error(`check-in ${doc._id} reported as duplicate but not found`)
  // A retry scores a check-in whose first attempt stopped before scoring; the ledger keeps it once.
  await scoreCheckIn(db, member, existing)
  return { status: 'already', record: toCheckIn(existing), streak: existing.streak }
}

/** A check-in's point: its ledger entry is keyed by it (once). */
const checkInEvent = (checkIn: Pick<CheckInDoc, '_id' | 'createdAt'>, member: Pick<Member, '_id' | 'groupId' | 'branchId'>): ScoreEvent => ({
  kind: 'checkin',
  sourceId: checkIn._id,
  member,
  at: new Date(checkIn.createdAt),
  // One check-in a day: none was scored on its day before it.
  expected: { quantity: undefined },
})

const scoreCheckIn = (db: CloudDatabase, member: Pick<Member, '_id' | 'groupId' | 'branchId'>, checkIn: Pick<CheckInDoc, '_id' | 'createdAt'>) =>
  recordScore(db, checkInEvent(checkIn, member))

/**
 * Check-ins score once (server/scoring/lost-scores.ts): a call that stops between the check-in and
 * its point is found by the nightly reconciliation, so the point comes late, never not.
 */
export const CHECKIN_SCORES: ScoringRecords<CheckInDoc> = {
  collection: CHECKINS,
  memberField: 'memberId',
  where: (_, since) => ({ day: _.gte(dayKey(since)) }),
  fields: ['createdAt'],
  eventOf: checkInEvent,
}

export async function checkInSummary(
  db: CloudDatabase,
  member: Member,
  now: Date,
  month: MonthKey = monthKey(now),
): Promise<z.infer<typeof CheckInSummaryOutput>> {
  authorize(member, 'checkins.read', memberTarget(member))
  const today = dayKey(now)
  const yesterday = addDays(today, -1)
  const layout = monthLayout(month)
  const _ = db.command
  // The month shown and the two days the streak needs, in one read (they overlap on most days).
  const inMonth = _.gte(layout.firstDay).and(_.lte(layout.lastDay))
  const { data } = await db
    .collection(CHECKINS)
    .where({ memberId: member._id, day: inMonth.or(_.in([yesterday, today])) })
    .orderBy('day', 'asc')
    .limit(33)
    .get()
  const found = data as CheckInDoc[]
  const todayDoc = found.find((d) => d.day === today)
  const yesterdayDoc = found.find((d) => d.day === yesterday)
  const days = found.filter((d) => d.day >= layout.firstDay && d.day <= layout.lastDay)
  return {
    today,
    todayRecord: todayDoc ? toCheckIn(todayDoc) : null,
    streak: currentStreak(todayDoc, yesterdayDoc),
    month,
    firstWeekday: layout.firstWeekday,
    daysInMonth: layout.daysInMonth,
    checkedDays: days.map((d) => d.day),
    reflections: days.filter((d) => d.reflection).map((d) => ({ day: d.day, text: d.reflection })),
  }
}
