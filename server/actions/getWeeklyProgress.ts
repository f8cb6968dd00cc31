import { defineFunction } from '../function'
import { weeklyProgress } from '../weekly/completion'

/** 每周一学: completion per item in a group (leaders), a branch or the organisation (admins). */
export const getWeeklyProgress = defineFunction('getWeeklyProgress', (input, { db, caller }) => weeklyProgress(db, caller, input))
