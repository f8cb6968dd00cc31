import { defineTimer } from '../../server/function'
import { reconcile } from '../../server/scoring/reconcile'

/** 积分对账 at 02:30 Shanghai (timer trigger only): totals recomputed from the ledger, drift repaired. */
export const reconcileScores = defineTimer('reconcileScores', ({ db, now }) => reconcile(db, now))
export const { main, uses } = reconcileScores
