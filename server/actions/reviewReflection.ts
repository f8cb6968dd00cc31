import { defineFunction } from '../function'
import { reviewReflection as review } from '../reflections/reflections'

/** 学习心得: the group's leader approves (points once, 精选 at will) or returns it with a comment. */
export const reviewReflection = defineFunction('reviewReflection', (input, { db, caller, now }) => review(db, caller, now, input))
