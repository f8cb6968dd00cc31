import { observe, playedShare, startPlayback, type Playback } from '../../src/utils/playback'

/** Feeds the player's updates, [position in s, at in ms, playing?], and sums what they earned. */
function play(duration: number, updates: [number, number, boolean?][]): { played: number; playback: Playback } {
  let playback = startPlayback(duration)
  let played = 0
  for (const [position, at, playing] of updates) {
    const step = observe(playback, position, at, playing ?? true)
    playback = step.playback
    played += step.played
  }
  return { played, playback }
}

/** Updates every quarter second from `from` to `to` (positions in s) at `rate`, starting at `t0` ms. */
const steady = (from: number, to: number, t0: number, rate = 1): [number, number][] =>
  Array.from({ length: Math.round(((to - from) / rate) * 4) + 1 }, (_, i) => [from + (i * rate) / 4, t0 + i * 250])

describe('what video playback earns', () => {
  it('counts time played at normal speed, and marks those seconds seen', () => {
    const { played, playback } = play(100, steady(0, 30, 0))
    expect(played).toBeCloseTo(30)
    expect(playedShare(playback)).toBeCloseTo(0.3)
  })

  it('counts nothing for dragging ahead, and the skipped part stays unseen', () => {
    const { played, playback } = play(100, [...steady(0, 10, 0), [80, 3000], ...steady(80, 90, 3250)])
    // 10 s before the jump and 10 s after it; the jump itself (70 s in a quarter second) earns nothing.
    expect(played).toBeCloseTo(20)
    expect(playedShare(playback)).toBeCloseTo(0.2)
  })

  it.each([1.25, 1.5, 2])('counts at most its first two seconds of a span played at %s×', (rate) => {
    const { played, playback } = play(100, steady(0, 60, 0, rate))
    expect(played).toBeLessThanOrEqual(2)
    expect(playedShare(playback)).toBeLessThan(0.05)
  })

  it('never counts more than the wall time between updates', () => {
    // A player a little ahead of the phone's clock (jitter): the wall time is the measure.
    const { played } = play(100, [
      [0, 0],
      [0.3, 250],
      [0.6, 500],
      [0.9, 750],
      [1.0, 1000],
    ])
    expect(played).toBeLessThanOrEqual(1)
  })

  it('counts slower play as played, rewinding as nothing, and watching a part again is not more of the video', () => {
    const slow = play(100, steady(0, 10, 0, 0.5))
    expect(slow.played).toBeCloseTo(10)
    const again = play(100, [...steady(0, 20, 0), [0, 5250], ...steady(0, 20, 5500)])
    expect(again.played).toBeCloseTo(40)
    expect(playedShare(again.playback)).toBeCloseTo(0.2)
  })

  it('does not count the time paused: an update after a pause starts a new span', () => {
    const { played } = play(100, [...steady(0, 10, 0), [10, 2500, false], [10, 600_000], [11, 601_000]])
    expect(played).toBeCloseTo(11)
  })

  it('reaches 看完 (90%) only once that much of the video was played', () => {
    const most = play(100, steady(0, 89, 0))
    expect(playedShare(most.playback)).toBeLessThan(0.9)
    const enough = play(100, steady(0, 90, 0))
    expect(playedShare(enough.playback)).toBeGreaterThanOrEqual(0.9)
  })
})
