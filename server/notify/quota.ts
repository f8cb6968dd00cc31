import type { DayKey } from '../../types'
import { holderPath, takeSlotOnce } from '../db/counters'
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

/**
 * Takes one of the day's `cap` slots for the message `message`, atomically; false when they are all
 * taken. A message taken over after a stop holds the slot its first attempt took.
 */
export function reserveSlot(db: CloudDatabase, memberId: string, day: DayKey, cap: number, message: string): Promise<boolean> {
  const fields: Omit<QuotaDoc, '_id' | 'count'> = { memberId, day }
  return takeSlotOnce(db, NOTIFY_QUOTA, quotaId(memberId, day), fields, cap, message)
}

/** Gives the message's slot back when it did not go out. */
export async function releaseSlot(db: CloudDatabase, memberId: string, day: DayKey, message: string): Promise<void> {
  const _ = db.command
  const path = holderPath(message)
  await db
    .collection(NOTIFY_QUOTA)
    .where({ _id: quotaId(memberId, day), [path]: true })
    .update({ data: { count: _.inc(-1), [path]: _.remove() } })
}
