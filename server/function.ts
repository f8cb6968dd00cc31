import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { contract, FUNCTIONS, type Contract, type Domain, type ErrorResult, type ActionName, type ActionOutput, type FunctionResult } from '../types'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { callerFromPass, callerPass } from './caller-pass'
import { findMemberByOpenId, requireActiveMember, type Member } from './members'
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

export type Handler<N extends ActionName, C = CallContext> = (input: z.output<Contract[N]['input']>, ctx: C) => Promise<ActionOutput<N>>

/**
 * The platform services that need a WeChat openapi permission or an outside account. A handler
 * declares the ones it uses; any other is refused at run time, so the permissions each deployed
 * function's config.json grants are derived from these declarations (scripts/functions-manifest.ts).
 */
export type Port = 'contentCheck' | 'messenger' | 'files' | 'officialAccount' | 'speech'

/** The openapi permission each port needs on WeChat cloud (storage and the official account need none). */
export const PORT_PERMISSIONS: Record<Port, readonly string[]> = {
  contentCheck: ['security.msgSecCheck'],
  messenger: ['subscribeMessage.send'],
  files: [],
  officialAccount: [],
  // Tencent Cloud TTS is an outside account (TTS_SECRET_ID/TTS_SECRET_KEY); storage needs no permission.
  speech: [],
}

/**
 * The npm packages a port loads on first use: left out of every bundle, and listed in the
 * package.json of the functions that declare the port, so only those have the cloud install them.
 */
export const PORT_PACKAGES: Record<Port, readonly string[]> = {
  contentCheck: [],
  messenger: [],
  files: [],
  officialAccount: [],
  speech: ['tencentcloud-sdk-nodejs-tts'],
}

export interface FunctionOptions {
  /** 'member' (default): only an active member may call; 'wechatUser': also someone not registered yet. */
  caller?: 'member' | 'wechatUser'
  /** It changes the caller's own member record: the caller's pass (caller-pass.ts) is dropped. */
  changesCaller?: boolean
  /** The ports the handler uses; the others are not in its context. */
  uses?: readonly Port[]
}

export interface CloudFunction<N extends ActionName = ActionName> {
  name: N
  uses: readonly Port[]
  /** The action's entry point; a domain router calls it with the payload minus `action`. */
  main(event: unknown): Promise<FunctionResult<ActionOutput<N>>>
}

/**
 * Wraps a handler with what every callable function needs: the caller resolved from the trusted
 * context, input parsed with the contract's schema, output checked against it, and failures
 * turned into stable `{ ok: false, code, message }` results. What the caller may do to which object
 * is the handler's to check, with `authorize` from permissions.ts.
 */
export function defineFunction<N extends ActionName>(
  name: N,
  handler: Handler<N>,
  options?: { caller?: 'member'; uses?: readonly Port[]; changesCaller?: boolean },
): CloudFunction<N>
export function defineFunction<N extends ActionName>(
  name: N,
  handler: Handler<N, WeChatUserContext>,
  options: { caller: 'wechatUser'; uses?: readonly Port[] },
): CloudFunction<N>
export function defineFunction<N extends ActionName>(
  name: N,
  handler: Handler<N, CallContext> | Handler<N, WeChatUserContext>,
  options: FunctionOptions = {},
): CloudFunction<N> {
  const { input: inputSchema, output: outputSchema } = contract[name]
  const uses = options.uses ?? []
  return {
    name,
    uses,
    async main(event) {
      const requestId = randomUUID()
      try {
        const p = platform()
        const base: BaseContext = { db: p.db, now: p.now(), requestId, ...ports(p, name, uses) }
        const openid = p.callerOpenId()
        const { pass, payload } = payloadOf(event)
        if (options.caller === 'wechatUser') return { ok: true, data: await run(payload, { ...base, ...(await weChatUser(p.db, openid)) }) }
        let vouched = typeof pass === 'string' ? await callerFromPass(p.db, openid, pass, base.now) : undefined
        let caller = vouched ?? (await requireActiveMember(p.db, openid))
        let data: ActionOutput<N>
        try {
          data = await run(payload, { ...base, caller })
        } catch (err) {
          // A pass is up to half an hour old: a refusal is decided on the record as it is now.
          if (!vouched || !(err instanceof AppError) || err.code !== 'FORBIDDEN') throw err
          vouched = undefined
          caller = await requireActiveMember(p.db, openid)
          data = await run(payload, { ...base, caller })
        }
        if (vouched && !options.changesCaller) return { ok: true, data }
        // Looked up: a pass for the next calls, or null to drop one (a leader's, or a record this call changed).
        const next = options.changesCaller ? undefined : await callerPass(p.db, openid!, caller, base.now)
        return { ok: true, data, callerPass: next ?? null }
      } catch (err) {
        return failure(err, name, requestId)
      }
    },
  }

  /** Parses the input, runs the handler and checks its output against the contract. */
  async function run(payload: unknown, ctx: CallContext | WeChatUserContext): Promise<ActionOutput<N>> {
    const parsed = inputSchema.safeParse(payload)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new AppError('INVALID_INPUT', issue?.message ?? '输入有误')
    }
    // The overloads pair each caller mode with its handler's context type.
    const data = await handler(parsed.data as z.output<Contract[N]['input']>, ctx as CallContext & WeChatUserContext)
    return outputSchema.parse(data) as ActionOutput<N>
  }
}

/** The declared ports from the platform; an undeclared one fails loudly wherever it is touched. */
function ports(p: Platform, name: string, uses: readonly Port[]): Pick<TimerContext, Port> {
  const pick = <P extends Port>(port: P): TimerContext[P] => (uses.includes(port) ? (p[port] as TimerContext[P]) : undeclared(name, port))
  return {
    contentCheck: pick('contentCheck'),
    messenger: pick('messenger'),
    files: pick('files'),
    officialAccount: pick('officialAccount'),
    speech: pick('speech'),
  }
}

function undeclared<T>(name: string, port: Port): T {
  const refuse = () => {
    throw new Error(`${name} did not declare the port "${port}" (uses) it touched`)
  }
  return new Proxy({}, { get: refuse, has: refuse }) as T
}

export interface DomainRouter {
  name: Domain
  /** The union of its actions' ports: what its config.json grants. */
  uses: readonly Port[]
  /** The cloud function entry point: `exports.main = router.main`. */
  main(event: unknown): Promise<FunctionResult<unknown>>
}

/**
 * One deployable function serving a domain's actions: `{ action, ...input }` goes to that action's
 * handler with the rest of the payload. The record must hold exactly the domain's actions in
 * `FUNCTIONS`, so the client's routing and the server's agree by construction. A domain's own job
 * may ride on it as its timer trigger (`{ Type: 'Timer' }`; the timer refuses any call with a user).
 */
export function defineRouter<D extends Domain>(
  domain: D,
  actions: { [N in (typeof FUNCTIONS)[D][number]]: CloudFunction<N> },
  options: { timer?: TimerFunction<unknown> } = {},
): DomainRouter {
  const table = new Map<string, CloudFunction>(Object.values<CloudFunction>(actions).map((fn) => [fn.name, fn]))
  const expected: readonly string[] = FUNCTIONS[domain]
  if (table.size !== expected.length || !expected.every((a) => table.has(a))) {
    throw new Error(`router ${domain} must serve exactly ${expected.join(', ')}`)
  }
  const uses = [...new Set([...table.values(), ...(options.timer ? [options.timer] : [])].flatMap((fn) => fn.uses))].sort()
  return {
    name: domain,
    uses,
    async main(event) {
      const { action, ...payload } = (event !== null && typeof event === 'object' && !Array.isArray(event) ? event : {}) as Record<string, unknown>
      if (options.timer && payload.Type === 'Timer' && action === undefined) return options.timer.main(event)
      const fn = typeof action === 'string' ? table.get(action) : undefined
      if (!fn) {
        const named = typeof action === 'string' && action ? `“${action.slice(0, 60)}”` : '（未指明）'
        return { ok: false, code: 'UNKNOWN_ACTION', message: `${domain} 云函数没有操作 ${named}，请更新小程序后再试` }
      }
      return fn.main(payload)
    },
  }
}

/** What a timer's run gets: no caller, the declared ports. */
export interface TimerContext extends BaseContext {
  officialAccount: Platform['officialAccount']
  speech: Platform['speech']
}

export interface TimerFunction<R> {
  name: string
  uses: readonly Port[]
  /** The cloud function entry point: `exports.main = fn.main`. */
  main(event: unknown): Promise<FunctionResult<R>>
}

/**
 * Wraps a timer trigger's work. A WeChat client can call any function by name, so a call that
 * carries a user's OPENID is refused: only the trigger (no user) runs it. The run is logged with
 * its request id and answers a summary of what it did.
 */
export function defineTimer<R>(name: string, run: (ctx: TimerContext) => Promise<R>, options: { uses?: readonly Port[] } = {}): TimerFunction<R> {
  const uses = options.uses ?? []
  return {
    name,
    uses,
    async main() {
      const requestId = randomUUID()
      try {
        const p = platform()
        if (p.callerOpenId()) throw new AppError('FORBIDDEN', '这是定时任务，只能由定时触发器运行')
        const now = p.now()
        console.log(`[${name}] request ${requestId} started at ${now.toISOString()}`)
        const data = await run({ db: p.db, now, requestId, ...ports(p, name, uses) })
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

/**
 * The call's input, and the caller's pass the client adapter sends beside it. WeChat adds
 * `userInfo` to a mini-program's call: identity never comes from the payload.
 */
function payloadOf(event: unknown): { pass: unknown; payload: unknown } {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return { pass: undefined, payload: event ?? {} }
  const { userInfo: _ignored, callerPass: pass, ...payload } = event as Record<string, unknown>
  return { pass, payload }
}

function failure(err: unknown, name: string, requestId: string): ErrorResult {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message }
  console.error(`[${name}] request ${requestId} failed:`, err)
  return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId }
}
