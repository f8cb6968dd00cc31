import type { DayKey } from '../../types'
import { releaseSlots, takeSlotsOnce } from '../db/counters'
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
 * Takes, for the message `topic`, one of the day's `cap` slots of each member, atomically; answers
 * the members who have theirs (the others have used the day's up). A message taken over after a stop
 * holds the slot its first attempt took.
 */
export async function reserveSlots(db: CloudDatabase, memberIds: string[], day: DayKey, cap: number, topic: string): Promise<Set<string>> {
  const counters = memberIds.map((memberId) => {
    const fields: Omit<QuotaDoc, '_id' | 'count'> = { memberId, day }
    return { _id: quotaId(memberId, day), fields }
  })
  const held = await takeSlotsOnce(db, NOTIFY_QUOTA, counters, cap, topic)
  return new Set(memberIds.filter((m) => held.has(quotaId(m, day))))
}

/** Gives the message's slot back to each member when nothing went out to them. */
export function returnSlots(db: CloudDatabase, memberIds: string[], day: DayKey, topic: string): Promise<void> {
  return releaseSlots(
    db,
    NOTIFY_QUOTA,
    memberIds.map((m) => quotaId(m, day)),
    topic,
  )
}
