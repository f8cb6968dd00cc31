import { createHash } from 'node:crypto'
import type { QuestionLink } from '../../types'

/** Questions linked to this week's 每周一学 items are this many times as likely to be drawn. */
export const WEEKLY_WEIGHT = 3

export interface Candidate {
  _id: string
  link: QuestionLink | null
}

/** What this week's list asks members to read, as `article:<id>` and `chapter:<id>`. */
export type WeekFocus = ReadonlySet<string>

export const focusKey = (kind: string, id: string) => `${kind}:${id}`

const linked = (q: Candidate, focus: WeekFocus) => !!q.link && focus.has(focusKey(q.link.kind, q.link.id))

/** A uniform number in (0, 1) fixed by the seed and the question: the same day's draw is the same draw. */
function uniform(seed: string, id: string): number {
  const n = createHash('sha256').update(`${seed}/${id}`).digest().readUInt32BE(0)
  return (n + 1) / 4_294_967_297
}

/**
 * `count` questions by weighted sampling without replacement (each question's key u^(1/w), the
 * largest keys win), the randomness derived from `seed` (member and day): two concurrent first
 * opens of the day draw the same questions.
 */
export function drawQuestions(candidates: readonly Candidate[], focus: WeekFocus, seed: string, count: number): string[] {
  return candidates
    .map((q) => ({ id: q._id, key: Math.pow(uniform(seed, q._id), 1 / (linked(q, focus) ? WEEKLY_WEIGHT : 1)) }))
    .sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : 1))
    .slice(0, count)
    .map((q) => q.id)
}
