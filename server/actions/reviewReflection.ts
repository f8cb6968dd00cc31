import { defineFunction } from '../function'
import { reviewReflection as review } from '../reflections/reflections'

/** 学习心得: the group's leader approves (points once, 精选 at will) or returns it with a comment (content-checked). */
export const reviewReflection = defineFunction(
  'reviewReflection',
  (input, { db, contentCheck, caller, now }) => review({ db, contentCheck, now }, caller, input),
  {
    uses: ['contentCheck'],
  },
)
