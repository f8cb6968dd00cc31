import { defineFunction } from '../../server/function'
import { scoreRulesFor } from '../../server/scoring/rule-versions'

/** 积分规则: the rules in force today, any version saved to start later, and the rules in words. */
export const getScoreRules = defineFunction('getScoreRules', (_input, { db, caller, now }) => scoreRulesFor(db, caller, now))
export const main = getScoreRules.main
