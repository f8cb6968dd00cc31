import { defineRouter } from '../../server/function'
import { getLeaderboard } from '../../server/actions/getLeaderboard'
import { getMyPoints } from '../../server/actions/getMyPoints'
import { getMyScore } from '../../server/actions/getMyScore'
import { getScoreRules } from '../../server/actions/getScoreRules'
import { getUnitRatings } from '../../server/actions/getUnitRatings'
import { saveScoreRules } from '../../server/actions/saveScoreRules'

/** Points, stars, leaderboards and the scoring rules. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('score', { getMyScore, getMyPoints, getLeaderboard, getScoreRules, saveScoreRules, getUnitRatings })
