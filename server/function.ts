import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { contract, type Contract, type ErrorResult, type ActionName, type ActionOutput, type FunctionResult, type Member } from '../types'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { findMemberByOpenId, requireActiveMember } from './members'
import type { FileStore } from './files/file-store'
import type { Messenger } from './notify/messenger'
import { platform, type Platform } from './platform'
import type { ContentChecker } from './security/content-check'

interface BaseContext {
  db: CloudDatabase
  now: Date
  requestId: string
  /** Subscribe messages go through `notify` (server/notify) with this. */
  messenger: Messenger
  /** Every user-written text passes it before it is stored (server/security). */
  contentCheck: ContentChecker
  /** Where exports go for download. */
  files: FileStore
}

/** What a handler gets besides its parsed input: by default, the calling active member. */
export interface CallContext extends BaseContext {
  caller: Member
}

/** For `{ caller: 'wechatUser' }` functions: any signed-in WeChat user, registered or not. */
export interface WeChatUserContext extends BaseContext {
  openid: string
  /** The member bound to the OPENID, whatever their status; undefined before registration. */
  member: Member | undefined
}

export type Handler<N extends ActionName, C = CallContext> = (
  input: z.output<Contract[N]['input']>,
  ctx: C,
) => Promise<ActionOutput<N>>

export interface FunctionOptions {
  /** 'member' (default): only an active member may call; 'wechatUser': also someone not registered yet. */
  caller: 'member' | 'wechatUser'
}

export interface CloudFunction<N extends ActionName = ActionName> {
  name: N
  /** The cloud function entry point: `exports.main = fn.main`. */
  main(event: unknown): Promise<FunctionResult<ActionOutput<N>>>
}

/**
 * Wraps a handler with what every callable function needs: the caller resolved from the trusted
 * context, input parsed with the contract's schema, output checked against it, and failures
 * turned into stable `{ ok: false, code, message }` results. What the caller may do to which object
 * is the handler's to check, with `authorize` from permissions.ts.
 */
export function defineFunction<N extends ActionName>(name: N, handler: Handler<N>): CloudFunction<N>
export function defineFunction<N extends ActionName>(
  name: N,
  handler: Handler<N, WeChatUserContext>,
  options: { caller: 'wechatUser' },
): CloudFunction<N>
export function defineFunction<N extends ActionName>(
  name: N,
  handler: Handler<N, CallContext> | Handler<N, WeChatUserContext>,
  options: FunctionOptions = { caller: 'member' },
): CloudFunction<N> {
  const { input: inputSchema, output: outputSchema } = contract[name]
  return {
    name,
    async main(event) {
      const requestId = randomUUID()
      try {
        const p = platform()
        const base: BaseContext = { db: p.db, now: p.now(), requestId, messenger: p.messenger, contentCheck: p.contentCheck, files: p.files }
        const openid = p.callerOpenId()
        const who =
          options.caller === 'wechatUser'
            ? await weChatUser(p.db, openid)
            : { caller: await requireActiveMember(p.db, openid) }
        const parsed = inputSchema.safeParse(payloadOf(event))
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new AppError('INVALID_INPUT', issue?.message ?? '输入有误')
        }
        // The overloads pair each caller mode with its handler's context type.
        const run = handler as Handler<N, BaseContext & typeof who>
        const data = await run(parsed.data as z.output<Contract[N]['input']>, { ...base, ...who })
        return { ok: true, data: outputSchema.parse(data) as ActionOutput<N> }
      } catch (err) {
        return failure(err, name, requestId)
      }
    },
  }
}

/** What a timer's run gets: no caller, the platform's ports. */
export interface TimerContext extends BaseContext {
  officialAccount: Platform['officialAccount']
}

export interface TimerFunction<R> {
  name: string
  /** The cloud function entry point: `exports.main = fn.main`. */
  main(event: unknown): Promise<FunctionResult<R>>
}

/**
 * Wraps a timer trigger's work. A WeChat client can call any function by name, so a call that
 * carries a user's OPENID is refused: only the trigger (no user) runs it. The run is logged with
 * its request id and answers a summary of what it did.
 */
export function defineTimer<R>(name: string, run: (ctx: TimerContext) => Promise<R>): TimerFunction<R> {
  return {
    name,
    async main() {
      const requestId = randomUUID()
      try {
        const p = platform()
        if (p.callerOpenId()) throw new AppError('FORBIDDEN', '这是定时任务，只能由定时触发器运行')
        const now = p.now()
        console.log(`[${name}] request ${requestId} started at ${now.toISOString()}`)
        const data = await run({ db: p.db, now, requestId, messenger: p.messenger, contentCheck: p.contentCheck, files: p.files, officialAccount: p.officialAccount })
        console.log(`[${name}] request ${requestId} done: ${JSON.stringify(data)}`)
        return { ok: true, data }
      } catch (err) {
        return failure(err, name, requestId)
      }
    },
  }
}

async function weChatUser(db: CloudDatabase, openid: string | undefined) {
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  return { openid, member: await findMemberByOpenId(db, openid) }
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
