import type { CheckIn, CheckInOutput, CheckInSummaryOutput, MonthKey } from '../types'
import type { Member } from './members'
import type { z } from 'zod'
import { addDays, dayKey, monthKey, monthLayout } from '../types/calendar'
import { findDoc } from './db/documents'
import { isDuplicateKeyError, type CloudDatabase } from './db/types'
import { authorize, memberTarget } from './permissions'
import { scoreCheckIn } from './scoring/sources'
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
  /**
   * Written with the check-in and removed once it is scored: a call that stops between the two is
   * found by the nightly reconciliation (`scoreLostCheckIns`), so the points come late, never not.
   */
  scorePending?: true
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

const findCheckIn = (db: CloudDatabase, memberId: string, day: string) =>
  findDoc<CheckInDoc>(db, CHECKINS, checkInId(memberId, day))

export async function checkIn(
  db: CloudDatabase,
  checker: ContentChecker,
  member: Member,
  now: Date,
  reflection = '',
): Promise<z.infer<typeof CheckInOutput>> {
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
    scorePending: true,
  }
  try {
    await db.collection(CHECKINS).add({ data: doc })
    await scoreMarked(db, member, doc)
    return { status: 'created', record: toCheckIn(doc), streak: doc.streak }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const existing = await findCheckIn(db, member._id, day)
  if (!existing) throw new Error(`check-in ${doc._id} reported as duplicate but not found`)
  // A retry scores a check-in whose first attempt stopped before scoring; the ledger keeps it once.
  if (existing.scorePending) await scoreMarked(db, member, existing)
  return { status: 'already', record: toCheckIn(existing), streak: existing.streak }
}

/** Scores a check-in (its ledger entry is keyed by it: once), then removes its mark. */
async function scoreMarked(db: CloudDatabase, member: Pick<Member, '_id' | 'groupId' | 'branchId'>, checkIn: Pick<CheckInDoc, '_id' | 'createdAt'>): Promise<void> {
  await scoreCheckIn(db, member, checkIn._id, new Date(checkIn.createdAt))
  await db.collection(CHECKINS).doc(checkIn._id).update({ data: { scorePending: db.command.remove() } })
}

/**
 * The check-ins of the members with ids in [first, last] still marked unscored (the call stopped
 * between the check-in and its points, and was not retried): scored now. One query per 1,000 of
 * them; there are none unless a call stopped.
 */
export async function scoreLostCheckIns(db: CloudDatabase, members: Pick<Member, '_id' | 'groupId' | 'branchId'>[]): Promise<void> {
  const _ = db.command
  const byId = new Map(members.map((m) => [m._id, m]))
  for (;;) {
    const { data } = await db
      .collection(CHECKINS)
      .where({ memberId: _.gte(members[0]._id).and(_.lte(members[members.length - 1]._id)), scorePending: _.exists(true) })
      .field({ _id: true, memberId: true, createdAt: true })
      .limit(1000)
      .get()
    const docs = data as Pick<CheckInDoc, '_id' | 'memberId' | 'createdAt'>[]
    for (const doc of docs) {
      const member = byId.get(doc.memberId)
      if (member) await scoreMarked(db, member, doc)
    }
    // A page left as it was (its members gone from the batch) would come back: stop there.
    if (docs.length < 1000 || !docs.some((d) => byId.has(d.memberId))) return
  }
}

export async function checkInSummary(
  db: CloudDatabase,
  member: Member,
  now: Date,
  month: MonthKey = monthKey(now),
): Promise<z.infer<typeof CheckInSummaryOutput>> {
  authorize(member, 'checkins.read', memberTarget(member))
  const today = dayKey(now)
  const layout = monthLayout(month)
  const _ = db.command
  const [todayDoc, yesterdayDoc, inMonth] = await Promise.all([
    findCheckIn(db, member._id, today),
    findCheckIn(db, member._id, addDays(today, -1)),
    db
      .collection(CHECKINS)
      .where({ memberId: member._id, day: _.gte(layout.firstDay).and(_.lte(layout.lastDay)) })
      .field({ day: true, reflection: true })
      .orderBy('day', 'asc')
      .limit(31)
      .get(),
  ])
  const days = inMonth.data as Pick<CheckInDoc, 'day' | 'reflection'>[]
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
