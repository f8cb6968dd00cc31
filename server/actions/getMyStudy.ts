import { defineFunction } from '../function'
import { myStudy } from '../study/my-study'

/** 我的学习: the caller's credited study time by period and category, books and the weekly target. */
export const getMyStudy = defineFunction('getMyStudy', (_input, { db, caller, now }) => myStudy(db, caller, now))
