import type { DayKey } from '../../types'
import { takeSlot } from '../db/counters'
import type { CloudDatabase } from '../db/types'

export const NOTIFY_QUOTA = 'notifyQuota'

/** Messages sent to one member on one Shanghai day; `count` only moves by conditional updates. */
interface QuotaDoc {
  _id: string
  memberId: string
  day: DayKey
  count: number
}

const quotaId = (memberId: string, day: DayKey) => `${memberId}_${day}`

/** Takes one of the day's `cap` slots, atomically; false when they are all taken. */
export function reserveSlot(db: CloudDatabase, memberId: string, day: DayKey, cap: number): Promise<boolean> {
  const fields: Omit<QuotaDoc, '_id' | 'count'> = { memberId, day }
  return takeSlot(db, NOTIFY_QUOTA, quotaId(memberId, day), fields, cap)
}

/** Gives a slot back when the message did not go out. */
export async function releaseSlot(db: CloudDatabase, memberId: string, day: DayKey): Promise<void> {
  await db
    .collection(NOTIFY_QUOTA)
    .doc(quotaId(memberId, day))
    .update({ data: { count: db.command.inc(-1) } })
}
