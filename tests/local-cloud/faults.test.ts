/**
 * The local cloud as a child process, killed with SIGKILL at random points of write bursts and
 * restarted on the same data (scripts/bench/faults.ts, also `npm run bench -- faults`).
 */
import { runKillTrials } from '../../scripts/bench/faults'

test('20 kills mid-burst: every acknowledged write is kept once, and the next reconciliation scores every source', async () => {
  const { trials, acknowledged, lost, doubled, unscored, drifted } = await runKillTrials({ trials: 20, seed: 1204 })
  expect({ trials, lost, doubled, unscored, drifted }).toEqual({ trials: 20, lost: 0, doubled: 0, unscored: 0, drifted: 0 })
  // The bursts did acknowledge writes of every kind before the kills.
  expect(acknowledged.checkIns).toBeGreaterThan(200)
  expect(acknowledged.replies).toBeGreaterThan(40)
  expect(acknowledged.likes).toBeGreaterThan(40)
}, 240_000)
