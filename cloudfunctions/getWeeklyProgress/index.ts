import { defineFunction } from '../../server/function'
import { weeklyProgress } from '../../server/weekly/completion'

/** 每周一学: completion per item in a group (leaders), a branch or the organisation (admins). */
export const getWeeklyProgress = defineFunction('getWeeklyProgress', (input, { db, caller }) => weeklyProgress(db, caller, input))
export const main = getWeeklyProgress.main
