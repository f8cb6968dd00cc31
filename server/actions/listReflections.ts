import { defineFunction } from '../function'
import { listReflections as list } from '../reflections/reflections'

/** 学习心得: the caller's own with their state, or a group's (all for its reviewers, 精选 for its members). */
export const listReflections = defineFunction('listReflections', (input, { db, caller }) => list(db, caller, input))
