import { defineFunction } from '../../server/function'
import { myScore } from '../../server/scoring/read'

/** 我的积分: points and study time this week, quarter and year, stars with the projection, ranks. */
export const getMyScore = defineFunction('getMyScore', (_input, { db, caller, now }) => myScore(db, caller, now))
export const main = getMyScore.main
