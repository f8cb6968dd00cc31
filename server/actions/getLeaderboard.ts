import { defineFunction } from '../function'
import { leaderboard } from '../scoring/leaderboard'

/** 排行榜: the caller's group, branch or organisation, by points or study time, with the caller's own rank. */
export const getLeaderboard = defineFunction('getLeaderboard', (input, { db, caller, now }) => leaderboard(db, caller, now, input))
