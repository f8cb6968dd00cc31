import * as z from './zod'

/** Stable error codes every cloud function may answer with. */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'NOT_REGISTERED',
  /** Registered under a name the organisation already has: waiting for a branch admin (待确认). */
  'REGISTRATION_HELD',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** An exam attempt's time (and its grace) ran out before the answers came: nothing was graded. */
  'TIME_UP',
  /** A meeting's sign-in code from a period that is over: scan the screen again. */
  'CODE_EXPIRED',
  /** A sign-in code that is no code of this meeting (mistyped, or another meeting's). */
  'WRONG_CODE',
  /** Too many posts in a short time (发得太快了). */
  'RATE_LIMITED',
  /** A service the write depends on (the content check) did not answer: try again later. */
  'UNAVAILABLE',
  /** The function has no such action (or the call named none): a client older or newer than the server. */
  'UNKNOWN_ACTION',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorResult = z.object({
  ok: z.literal(false),
  code: ErrorCode,
  message: z.string(),
  requestId: z.string().optional(),
})
export type ErrorResult = z.infer<typeof ErrorResult>

export interface OkResult<T> {
  ok: true
  data: T
  /**
   * The caller's pass for their next calls (server/caller-pass.ts), sent back as `callerPass` beside
   * the input; null: drop the one held. Absent when the call was served on a valid pass.
   */
  callerPass?: string | null
}

/** What every cloud function returns: its output, or a stable error. */
export type FunctionResult<T> = OkResult<T> | ErrorResult
