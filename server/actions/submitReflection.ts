import { defineFunction } from '../function'
import { submitReflection as submit } from '../reflections/reflections'

/** 学习心得: a member writes on a book, an article or a week's list (content-checked); a retry stores one. */
export const submitReflection = defineFunction(
  'submitReflection',
  (input, { db, contentCheck, caller, now }) => submit({ db, contentCheck, now }, caller, input),
  {
    uses: ['contentCheck'],
  },
)
