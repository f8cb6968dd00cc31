import type { DayKey } from '../../types'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'

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
export async function reserveSlot(db: CloudDatabase, memberId: string, day: DayKey, cap: number): Promise<boolean> {
  const _id = quotaId(memberId, day)
  const doc: QuotaDoc = { _id, memberId, day, count: 0 }
  try {
    await db.collection(NOTIFY_QUOTA).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const _ = db.command
  const { stats } = await db
    .collection(NOTIFY_QUOTA)
    .where({ _id, count: _.lt(cap) })
    .update({ data: { count: _.inc(1) } })
  return stats.updated === 1
}

/** Gives a slot back when the message did not go out. */
export async function releaseSlot(db: CloudDatabase, memberId: string, day: DayKey): Promise<void> {
  await db
    .collection(NOTIFY_QUOTA)
    .doc(quotaId(memberId, day))
    .update({ data: { count: db.command.inc(-1) } })
}
