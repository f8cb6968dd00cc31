import { defineFunction } from '../function'
import { scoreRulesFor } from '../scoring/rule-versions'

/** 积分规则: the rules in force today, any version saved to start later, and the rules in words. */
export const getScoreRules = defineFunction('getScoreRules', (_input, { db, caller, now }) => scoreRulesFor(db, caller, now))
