import { textProblem } from '../../types/text'
import { CloudError } from '../services/errors'

/**
 * Checks text fields as the server will before anything is sent, so a member sees what to fix
 * at once: throws INVALID_INPUT with the first problem, in the server's words.
 */
export function checkTexts(fields: ReadonlyArray<readonly [label: string, value: string, max: number]>): void {
  for (const [label, value, max] of fields) {
    const problem = textProblem(label, value, max)
    if (problem) throw new CloudError('INVALID_INPUT', problem)
  }
}

/** A whole number typed into a field, within bounds, or INVALID_INPUT saying which bound. */
export function checkWhole(text: string, bounds: { min: number; max: number; low: string; high: string; what: string }): number {
  const n = Number(text.trim())
  if (!/^\d+$/.test(text.trim())) throw new CloudError('INVALID_INPUT', `${bounds.what}应为整数`)
  if (n < bounds.min) throw new CloudError('INVALID_INPUT', bounds.low)
  if (n > bounds.max) throw new CloudError('INVALID_INPUT', bounds.high)
  return n
}
