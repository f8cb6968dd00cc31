import { defineFunction } from '../function'
import { myScore } from '../scoring/read'

/** 我的积分: points and study time this week, quarter and year, stars with the projection, ranks. */
export const getMyScore = defineFunction('getMyScore', (_input, { db, caller, now }) => myScore(db, caller, now))
