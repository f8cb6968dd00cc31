import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { contract, type Contract, type ErrorResult, type FunctionName, type FunctionOutput, type FunctionResult, type Member } from '../types'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { requireActiveMember } from './members'
import { platform } from './platform'

/** What a handler gets besides its parsed input. */
export interface CallContext {
  caller: Member
  db: CloudDatabase
  now: Date
  requestId: string
}

export type Handler<N extends FunctionName> = (
  input: z.output<Contract[N]['input']>,
  ctx: CallContext,
) => Promise<FunctionOutput<N>>

export interface CloudFunction<N extends FunctionName = FunctionName> {
  name: N
  /** The cloud function entry point: `exports.main = fn.main`. */
  main(event: unknown): Promise<FunctionResult<FunctionOutput<N>>>
}

/**
 * Wraps a handler with what every callable function needs: the caller resolved from the trusted
 * context, input parsed with the contract's schema, output checked against it, and failures
 * turned into stable `{ ok: false, code, message }` results.
 */
export function defineFunction<N extends FunctionName>(name: N, handler: Handler<N>): CloudFunction<N> {
  const { input: inputSchema, output: outputSchema } = contract[name]
  return {
    name,
    async main(event) {
      const requestId = randomUUID()
      try {
        const p = platform()
        const caller = await requireActiveMember(p.db, p.callerOpenId())
        const parsed = inputSchema.safeParse(payloadOf(event))
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new AppError('INVALID_INPUT', issue?.message ?? '输入有误')
        }
        const data = await handler(parsed.data as z.output<Contract[N]['input']>, {
          caller,
          db: p.db,
          now: p.now(),
          requestId,
        })
        return { ok: true, data: outputSchema.parse(data) as FunctionOutput<N> }
      } catch (err) {
        return failure(err, name, requestId)
      }
    },
  }
}

/** WeChat adds `userInfo` to a mini-program's call; identity never comes from the payload. */
function payloadOf(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return event ?? {}
  const { userInfo: _ignored, ...payload } = event as Record<string, unknown>
  return payload
}

function failure(err: unknown, name: string, requestId: string): ErrorResult {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message }
  console.error(`[${name}] request ${requestId} failed:`, err)
  return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId }
}
