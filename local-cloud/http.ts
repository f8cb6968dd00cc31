import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { ErrorCode, ErrorResult } from '../types'
import { findDoc } from '../server/db/documents'
import type { CloudDatabase } from '../server/db/types'
import type { Clock } from '../server/local-platform'
import { runAsCaller } from '../server/local-platform'
import { findMemberByOpenId, MEMBERS, type Member } from '../server/members'
import { readLocalFile } from '../server/files/local-files'
import { FUNCTION_NAME, type FunctionRegistry } from './functions'
import { runTimer, type Log, type Scheduler } from './scheduler'
import type { Sessions } from './session'
import { escapeHtml, loadDirectory, renderSignInPage } from './signin-page'
import { localDraftPath, readLocalDraft, type LocalDraftDoc } from '../server/official-account/local-drafts'

/** The largest request body the local cloud reads; WeChat's own limit for call data is smaller still. */
export const MAX_BODY_BYTES = 64 * 1024
/** Past this much the connection is dropped instead of read to the end. */
const DRAIN_LIMIT_BYTES = 1024 * 1024
/** A body not fully arrived by then is cut off (a client that stalls holds nothing up for long). */
export const BODY_TIMEOUT_MS = 5_000

/** Host names always answered: this machine's. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

export const SIGNIN_PATH = '/local/signin'

export interface HandlerContext {
  db: CloudDatabase
  clock: Clock
  functions: FunctionRegistry
  sessions: Sessions
  staticDir: string
  scheduler(): Scheduler | undefined
  log: Log
  /** Host names answered besides the loopback ones (the one the local cloud was started on). */
  hosts: string[]
  /** When set (listening beyond this machine), signing in asks for it. */
  passphrase?: string
  /** Where the local speech engine keeps its recordings (server/speech/espeak.ts). */
  speechDir: string
}

/** The request's host name (no port), lower-case. */
const hostName = (host: string | undefined) => (host ?? '').toLowerCase().replace(/:\d+$/, '')

/** A stopped client or a reset connection: nothing to answer, one line to log. */
class Aborted extends Error {}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
}

/** Build output named with a content hash (`app.3f9c2a1b.js`) never changes: cache it for good. */
const HASHED_ASSET = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export function isHashedAsset(file: string): boolean {
  return HASHED_ASSET.test(path.basename(file))
}

/**
 * A same-site relative path to go to after signing in, or `/`. Absolute URLs, protocol-relative
 * `//host` paths and backslash tricks are refused so the sign-in page cannot redirect elsewhere.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2048) return '/'
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f\u007f]/.test(next)) return '/'
  const base = 'http://local.invalid'
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return '/'
  }
  if (url.origin !== base) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}

const baseHeaders = { 'X-Content-Type-Options': 'nosniff' }

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body) ?? 'null'
  res.writeHead(status, {
    ...baseHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers?: Record<string, string>) {
  const body: ErrorResult = { ok: false, code, message }
  sendJson(res, status, body, headers)
}

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...baseHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(html)
}

function redirect(res: ServerResponse, status: 302 | 303, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders, Location: location, 'Cache-Control': 'no-store', ...headers })
  res.end()
}

/** Reads a request body up to MAX_BODY_BYTES; a larger one is an HttpError 400. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new HttpError(408, 'INVALID_INPUT', `请求内容没有在 ${BODY_TIMEOUT_MS / 1000} 秒内传完`))
      req.socket.destroySoon()
    }, BODY_TIMEOUT_MS)
    const settle = () => clearTimeout(timer)
    req.once('close', settle)
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > DRAIN_LIMIT_BYTES) {
      reject(new HttpError(400, 'INVALID_INPUT', '请求内容过大（最多 64 KB）'))
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > DRAIN_LIMIT_BYTES) {
        req.destroy()
        reject(new HttpError(400, 'INVALID_INPUT', '请求内容过大（最多 64 KB）'))
      } else if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk)
      }
    })
    req.on('end', () => {
      settle()
      if (size > MAX_BODY_BYTES) reject(new HttpError(400, 'INVALID_INPUT', '请求内容过大（最多 64 KB）'))
      else resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('aborted', () => reject(new Aborted('aborted')))
    req.on('error', (err) => reject(new Aborted(err.message)))
  })
}

/** A JSON object body; an empty body is `{}`. */
async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req)
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_INPUT', '请求内容应为 JSON 对象')
  }
  return value as Record<string, unknown>
}

/** A form post (urlencoded) or a JSON object, as string fields. */
async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const type = String(req.headers['content-type'] ?? '')
  if (type.includes('application/json')) {
    const obj = await readJsonObject(req)
    return Object.fromEntries(Object.entries(obj).filter(([, v]) => typeof v === 'string')) as Record<string, string>
  }
  const params = new URLSearchParams(await readBody(req))
  const form: Record<string, string> = {}
  for (const [k, v] of params) if (!(k in form)) form[k] = v
  return form
}

function samePassphrase(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)]
  return a.length === b.length && timingSafeEqual(a, b)
}

/** A state-changing request from another site is refused (the cookie is also SameSite=Lax). */
function isCrossSite(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true
  const origin = req.headers.origin
  if (!origin || origin === 'null') return origin === 'null'
  try {
    return new URL(origin).host !== req.headers.host
  } catch {
    return true
  }
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, 'INVALID_INPUT', `不支持该请求方法，请使用 ${allow}`, { Allow: allow })
}

export function createRequestHandler(ctx: HandlerContext) {
  const { db, clock, functions, sessions, log } = ctx

  /** `POST /api/functions/:name`: the caller's OPENID comes only from the session cookie. */
  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST')
    const fn = FUNCTION_NAME.test(name) ? functions.get(name) : undefined
    if (!fn) return sendError(res, 404, 'NOT_FOUND', `云函数不存在: ${name}`)
    const openid = sessions.fromCookieHeader(req.headers.cookie)
    if (!openid) {
      req.resume()
      return sendError(res, 401, 'UNAUTHENTICATED', '请先登录')
    }
    const body = await readJsonObject(req)
    // WeChat overwrites `userInfo` with the trusted caller; whatever the client sent is dropped.
    const event = { ...body, userInfo: { appId: 'local-appid', openId: openid } }
    const started = Date.now()
    let result: unknown
    try {
      result = await runAsCaller(openid, () => Promise.resolve(fn.main(event)))
    } catch (err) {
      log(`[云函数] ${name} 抛出异常（调用者 ${openid}）: ${(err as Error)?.stack ?? String(err)}`)
      return sendError(res, 500, 'INTERNAL', '系统繁忙，请稍后再试')
    }
    const outcome = (result as { ok?: unknown; code?: unknown } | undefined)?.ok === false ? `失败 ${String((result as { code?: unknown }).code)}` : '成功'
    log(`[云函数] ${name} 调用者 ${openid}: ${outcome}（${Date.now() - started} ms）`)
    sendJson(res, 200, result ?? null)
  }

  /** The signed-in member, `newUser` for a signed-in WeChat user who has not registered, or undefined. */
  async function currentUser(req: IncomingMessage): Promise<Member | 'newUser' | undefined> {
    const openid = sessions.fromCookieHeader(req.headers.cookie)
    if (!openid) return undefined
    return (await findMemberByOpenId(db, openid)) ?? 'newUser'
  }

  async function signInPage(req: IncomingMessage, res: ServerResponse, url: URL, error?: string): Promise<void> {
    const next = safeNext(url.searchParams.get('next') ?? '/')
    const [dir, current] = await Promise.all([loadDirectory(db), currentUser(req)])
    sendHtml(res, error ? 400 : 200, renderSignInPage(dir, { next, current, error, now: clock.now(), askPassphrase: ctx.passphrase !== undefined }))
  }

  async function signIn(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') return signInPage(req, res, url)
    if (req.method !== 'POST') return methodNotAllowed(res, 'GET, POST')
    const form = await readForm(req)
    const next = safeNext(form.next ?? url.searchParams.get('next') ?? '/')
    if (ctx.passphrase !== undefined && !samePassphrase(form.passphrase ?? '', ctx.passphrase)) {
      const retry = new URL(url)
      retry.searchParams.set('next', next)
      log('[登录] 口令不对，已拒绝')
      return signInPage(req, res, retry, '口令不对，请向启动本地云的人索取')
    }
    if (form.newUser) {
      // 一个新的微信用户: a fresh OPENID that no member record holds, to try 实名注册.
      const openid = `local-new-${randomBytes(8).toString('hex')}`
      log(`[登录] 一个新的微信用户（${openid}）`)
      return redirect(res, 303, next, { 'Set-Cookie': sessions.setCookie(openid) })
    }
    const member = form.memberId ? await findDoc<Member>(db, MEMBERS, form.memberId) : undefined
    if (!member || !member.openid) {
      const retry = new URL(url)
      retry.searchParams.set('next', next)
      return signInPage(req, res, retry, '没有找到这位成员，请重新选择')
    }
    log(`[登录] ${member.name}（${member._id}，${member.openid}）`)
    redirect(res, 303, next, { 'Set-Cookie': sessions.setCookie(member.openid) })
  }

  async function signOut(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST')
    req.resume()
    await sessions.revoke(req.headers.cookie)
    redirect(res, 303, SIGNIN_PATH, { 'Set-Cookie': sessions.clearCookie() })
  }

  function clockState() {
    return { now: clock.now().toISOString(), fixed: clock.isFixed() }
  }

  async function clockEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return sendJson(res, 200, clockState())
    if (req.method !== 'POST') return methodNotAllowed(res, 'GET, POST')
    const body = await readJsonObject(req)
    if (!('now' in body)) throw new HttpError(400, 'INVALID_INPUT', '请提供 now：ISO 时间，或 null 恢复真实时间')
    if (body.now === null) {
      clock.fix(undefined)
    } else {
      const at = typeof body.now === 'string' ? parseInstant(body.now) : undefined
      if (!at) throw new HttpError(400, 'INVALID_INPUT', 'now 应为带时区的 ISO 时间，例如 2026-11-23T00:00:00Z')
      clock.fix(at)
    }
    log(`[时钟] ${clock.isFixed() ? `固定在 ${clock.now().toISOString()}` : '恢复真实时间'}`)
    sendJson(res, 200, clockState())
  }

  async function fireTimer(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST')
    req.resume()
    const fn = FUNCTION_NAME.test(name) ? functions.get(name) : undefined
    if (!fn) return sendError(res, 404, 'NOT_FOUND', `云函数不存在: ${name}`)
    if (!fn.timer) return sendError(res, 404, 'NOT_FOUND', `云函数 ${name} 没有定时触发器`)
    let result: unknown
    try {
      result = await runTimer(fn, clock.now(), log)
    } catch (err) {
      return sendError(res, 500, 'INTERNAL', `定时函数运行失败: ${(err as Error)?.message ?? String(err)}`)
    }
    sendJson(res, 200, result ?? null)
  }

  /** An exported file by its unguessable id, while its link is valid (the cloud's temporary link). */
  async function downloadFile(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET')
    const file = await readLocalFile(db, id, clock.now())
    if (!file) return sendError(res, 404, 'NOT_FOUND', '文件不存在或链接已过期')
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.bytes.length,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    })
    res.end(file.bytes)
  }

  /** 听全文: a recording of the local speech engine (signed-in visitors only), seekable by byte ranges. */
  async function serveSpeech(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD')
    if (!sessions.fromCookieHeader(req.headers.cookie)) return sendError(res, 401, 'UNAUTHENTICATED', '请先登录')
    const file = await existingFile(ctx.speechDir, path.join(ctx.speechDir, name))
    if (!file) return sendError(res, 404, 'NOT_FOUND', '语音还没有生成')
    return sendFile(req, res, file)
  }

  /** An edition of the local 公众号, as its followers would read it (signed-in visitors only). */
  async function previewEdition(req: IncomingMessage, res: ServerResponse, mediaId: string): Promise<void> {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET')
    if (!sessions.fromCookieHeader(req.headers.cookie)) return redirect(res, 302, `${SIGNIN_PATH}?next=${encodeURIComponent(localDraftPath(mediaId))}`)
    const draft = await readLocalDraft(db, mediaId)
    if (!draft) return sendHtml(res, 404, errorPage('没有这一期', '这期公众号推送不存在。'))
    sendHtml(res, 200, editionPage(draft))
  }

  function listTimers(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET')
    const timers = [...functions.values()].filter((fn) => fn.timer).map((fn) => ({ name: fn.name, trigger: fn.timer!.name, cron: fn.timer!.cron }))
    const scheduled = ctx.scheduler()?.jobs() ?? []
    sendJson(res, 200, {
      timers: timers.map((t) => ({
        ...t,
        scheduled: scheduled.some((j) => j.name === t.name),
        nextRun: scheduled.find((j) => j.name === t.name)?.nextRun?.toISOString() ?? null,
      })),
    })
  }

  /** The H5 build: files as they are, any other page path answered with index.html. */
  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD')
    let relative: string
    try {
      relative = decodeURIComponent(url.pathname)
    } catch {
      throw new HttpError(400, 'INVALID_INPUT', '无效的路径')
    }
    if (relative.includes('\0')) throw new HttpError(400, 'INVALID_INPUT', '无效的路径')
    const root = path.resolve(ctx.staticDir)
    const target = path.resolve(root, `.${relative}`)
    if (target !== root && !target.startsWith(root + path.sep)) {
      return sendHtml(res, 403, errorPage('禁止访问', '请求的路径不在网站目录内。'))
    }
    if (!existsSync(path.join(root, 'index.html'))) {
      return sendHtml(res, 503, errorPage('学习圈前端尚未构建', '先运行 npm run build:h5，再重新启动本地云。'))
    }
    const file = await existingFile(root, target === root ? path.join(root, 'index.html') : target)
    if (file && path.basename(file) !== 'index.html') return sendFile(req, res, file)
    if (!file && path.extname(relative) !== '' && path.extname(relative) !== '.html') {
      return sendHtml(res, 404, errorPage('找不到文件', escapeHtml(relative)))
    }
    // A page of the app: for anyone signed in, registered or not (the app shows 实名注册 to the latter).
    if (!sessions.fromCookieHeader(req.headers.cookie)) return redirect(res, 302, `${SIGNIN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`)
    return sendFile(req, res, path.join(root, 'index.html'))
  }

  const hosts = new Set([...LOOPBACK_HOSTS, ...ctx.hosts.map((h) => h.toLowerCase())])

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // Only this machine's names (and the one it was started on): a page on another name that
      // resolves here (DNS rebinding) gets nothing, not even the clock.
      if (!hosts.has(hostName(req.headers.host))) {
        req.resume()
        return sendError(res, 421, 'FORBIDDEN', '拒绝未知的主机名')
      }
      const url = new URL(req.url ?? '/', 'http://local.invalid')
      const p = url.pathname
      if (req.method !== 'GET' && req.method !== 'HEAD' && isCrossSite(req)) {
        req.resume()
        return sendError(res, 403, 'FORBIDDEN', '拒绝跨站请求')
      }
      let m: RegExpMatchArray | null
      if ((m = p.match(/^\/api\/functions\/([^/]+)$/))) return await callFunction(req, res, m[1])
      if (p === '/api' || p.startsWith('/api/')) return sendError(res, 404, 'NOT_FOUND', '接口不存在')
      if (p === SIGNIN_PATH) return await signIn(req, res, url)
      if (p === '/local/signout') return await signOut(req, res)
      if (p === '/local/clock') return await clockEndpoint(req, res)
      if (p === '/local/timers') return listTimers(req, res)
      if ((m = p.match(/^\/local\/timers\/([^/]+)\/fire$/))) return await fireTimer(req, res, m[1])
      if ((m = p.match(/^\/local\/files\/([A-Za-z0-9-]+)$/))) return await downloadFile(req, res, m[1])
      if ((m = p.match(/^\/local\/official-account\/([A-Za-z0-9-]+)$/))) return await previewEdition(req, res, m[1])
      if ((m = p.match(/^\/local\/speech\/([0-9a-f]{32}\.wav)$/))) return await serveSpeech(req, res, m[1])
      if (p === '/local' || p.startsWith('/local/')) return sendError(res, 404, 'NOT_FOUND', '接口不存在')
      return await serveStatic(req, res, url)
    } catch (err) {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (err instanceof Aborted) {
        log(`[本地云] ${req.method} ${req.url} 的请求中途断开`)
        res.destroy()
        return
      }
      if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message, { Connection: 'close' })
      log(`[本地云] 处理 ${req.method} ${req.url} 出错: ${(err as Error)?.stack ?? String(err)}`)
      return sendError(res, 500, 'INTERNAL', '系统繁忙，请稍后再试')
    }
  }
}

/** An instant written with a time zone (`Z` or an offset), so it means the same everywhere. */
export function parseInstant(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined
  const at = new Date(text)
  return Number.isNaN(at.getTime()) ? undefined : at
}

async function existingFile(root: string, target: string): Promise<string | undefined> {
  try {
    const info = await stat(target)
    if (!info.isFile()) return undefined
    // A symlink inside the build must not lead outside it.
    const real = await realpath(target)
    const realRoot = await realpath(root)
    return real.startsWith(realRoot + path.sep) ? target : undefined
  } catch {
    return undefined
  }
}

/** One byte range asked for (`bytes=a-b`, `bytes=a-`, `bytes=-n`), within a file of `size`; undefined for none or any other. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/)
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1])
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  return start <= end && start < size ? { start, end } : undefined
}

/** A file, whole or the one byte range asked for (audio seeks by ranges). */
async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  const info = await stat(file)
  const range = byteRange(req.headers.range, info.size)
  res.writeHead(range ? 206 : 200, {
    ...baseHeaders,
    'Content-Type': contentTypeOf(file),
    'Content-Length': range ? range.end - range.start + 1 : info.size,
    'Accept-Ranges': 'bytes',
    ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${info.size}` } : {}),
    'Last-Modified': info.mtime.toUTCString(),
    'Cache-Control': isHashedAsset(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {})
    stream.on('error', (err) => {
      res.destroy(err)
      reject(err)
    })
    res.on('close', resolve)
    stream.pipe(res)
  })
}

/** The edition's articles one after another; their content is the HTML the draft API was given (html.ts, escaped). */
function editionPage(draft: LocalDraftDoc): string {
  const state = draft.publishedAt ? `已发布 · ${draft.publishedAt}` : '草稿，未发布'
  const articles = draft.articles
    .map((a) => `<article><h1>${escapeHtml(a.title)}</h1><p class="by">${escapeHtml(a.author)}</p>${a.content}</article>`)
    .join('<hr>')
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(draft.articles[0]?.title ?? '公众号推送')} · 本地公众号</title>
<style>body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;font-size:18px;line-height:1.8;margin:0 auto;max-width:680px;padding:24px 20px;color:#222;background:#fff}h1{font-size:24px;line-height:1.4}.by,.state{color:#888;font-size:15px}blockquote{border-left:4px solid #c8961e;margin:0;padding-left:12px;color:#555}img{max-width:100%}</style>
</head><body><p class="state">学习圈本地公众号 · ${escapeHtml(state)}</p>${articles}</body></html>`
}

function errorPage(title: string, detail: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 学习圈本地云</title>
<style>body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;font-size:18px;margin:0;padding:40px 20px;color:#333;background:#f6f3ef}h1{font-size:24px;color:#c8161d}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${detail}</p></body></html>`
}
