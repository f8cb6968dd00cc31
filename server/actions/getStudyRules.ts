import { defineFunction } from '../function'
import { studyRulesFor } from '../study/rules'

/** 学时规则: the rules in force, as numbers and as sentences for the rules page. */
export const getStudyRules = defineFunction('getStudyRules', (_input, { db, caller }) => studyRulesFor(db, caller))
