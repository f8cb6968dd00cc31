import { takeSlotOnce } from '../db/counters'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'

export const RATE_LIMITS = 'rateLimits'

/** Posts (prompts and replies) one member may make per window. */
export const POSTS_PER_WINDOW = 5
export const WINDOW_SECONDS = 60

export const TOO_FAST_MESSAGE = '发得太快了，请休息一会儿，一分钟后再发'

/**
 * Takes one of the member's posting slots in the current fixed window for the post `postId`, or
 * throws RATE_LIMITED: one counter document per member and window, moved atomically. Every attempt at
 * one post (a retry with its request key, at once or later in the window) holds the same one slot.
 * Called once the post passed its checks, so a refused one takes none.
 */
export async function takePostingSlot(db: CloudDatabase, memberId: string, now: Date, postId: string): Promise<void> {
  const windowMs = WINDOW_SECONDS * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const taken = await takeSlotOnce(db, RATE_LIMITS, `${memberId}_${windowStart.toISOString()}`, { memberId, windowStart }, POSTS_PER_WINDOW, postId)
  if (!taken) throw new AppError('RATE_LIMITED', TOO_FAST_MESSAGE)
}
