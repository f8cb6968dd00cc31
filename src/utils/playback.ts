/**
 * What a video's playback earns, from the player's time updates: only time actually played at
 * normal speed or slower counts, never more than the wall time between two updates.
 * - A position that jumps ahead by more than the wall time (dragging ahead) or goes back
 *   (rewinding) earns nothing, and starts a new span.
 * - Within a span, once its first seconds show the video running faster than normal (倍速), the
 *   rest of the span earns nothing: fast play is not study time.
 * - The seconds of the video played are kept for 看完 (90% of them).
 * Pure: the reader feeds it the player's updates and the phone's clock.
 */
export interface Playback {
  /** The last update: the player's position (s) and when it came (ms). */
  last: { position: number; at: number } | null
  /** Where the current span of steady play began. */
  span: { position: number; at: number } | null
  /** The span runs faster than normal speed. */
  fast: boolean
  /** Played seconds of the video, by whole second. */
  seen: boolean[]
}

/** The player's updates come every ~250 ms; half a second of slack covers their jitter. */
const SLACK_SECONDS = 0.5
/** A span is judged fast after this long, at more than 5% above normal speed. */
const JUDGE_AFTER_SECONDS = 2
const FAST_RATE = 1.05

export const startPlayback = (durationSeconds: number): Playback => ({
  last: null,
  span: null,
  fast: false,
  seen: new Array<boolean>(Math.max(1, Math.ceil(durationSeconds))).fill(false),
})

/** The next update: the playback after it and the seconds it earned. `playing` false (paused, ended) ends the span. */
export function observe(p: Playback, position: number, at: number, playing = true): { playback: Playback; played: number } {
  if (!playing) return { playback: { ...p, last: null, span: null, fast: false }, played: 0 }
  const here = { position, at }
  const last = p.last
  const moved = last ? position - last.position : 0
  const elapsed = last ? (at - last.at) / 1000 : 0
  if (!last || !p.span || moved <= 0 || elapsed <= 0 || moved > elapsed + SLACK_SECONDS) {
    // The first update of a span, a seek or a rewind: nothing earned, a new span from here.
    return { playback: { ...p, last: here, span: here, fast: false }, played: 0 }
  }
  const spanWall = (at - p.span.at) / 1000
  const fast = p.fast || (spanWall >= JUDGE_AFTER_SECONDS && position - p.span.position > spanWall * FAST_RATE + SLACK_SECONDS / 2)
  if (fast) return { playback: { ...p, last: here, fast }, played: 0 }
  const seen = [...p.seen]
  for (let s = Math.floor(last.position); s < Math.min(seen.length, Math.ceil(position)); s++) seen[s] = true
  return { playback: { ...p, last: here, seen }, played: Math.min(moved, elapsed) }
}

/** The share of the video played (0..1). */
export const playedShare = (p: Playback) => p.seen.filter(Boolean).length / p.seen.length
