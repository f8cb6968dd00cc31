import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The local demo session: an HttpOnly cookie holding the signed-in member's OPENID, when it was
 * issued and a session id, with an HMAC of them. The local cloud takes the caller's identity from
 * this cookie only, as WeChat cloud takes it from the invocation context and never from the payload.
 * A session lasts `SESSION_HOURS` of real time; signing out revokes it.
 */
export const SESSION_COOKIE = 'xxq_local_session'

/** Kept beside the store's files so a session survives restarts but not a wiped data dir. */
export const SECRET_FILE = 'local-session.secret'
/** The signed-out sessions, so a restart does not bring one back. */
export const REVOKED_FILE = 'local-session.revoked.json'

const VERSION = 'v2'
export const SESSION_HOURS = 12
const SESSION_MS = SESSION_HOURS * 3600_000

interface Session {
  openid: string
  issuedAt: number
  id: string
}

export class Sessions {
  /** Signed-out session ids, until they would have expired anyway. */
  private readonly revoked: Map<string, number>

  /**
   * `now`: real time (sessions do not follow the demo clock). `revokedFile`: where sign-outs are
   * kept (`revoked` is what it held at start).
   */
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
    private readonly revokedFile?: string,
    revoked: Record<string, number> = {},
  ) {
    this.revoked = new Map(Object.entries(revoked))
  }

  /** The cookie value for a signed-in OPENID. */
  sign(openid: string): string {
    const session: Session = { openid, issuedAt: this.now(), id: randomBytes(12).toString('base64url') }
    const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url')
    return `${VERSION}.${payload}.${this.mac(payload)}`
  }

  /** The OPENID of a cookie value, or undefined when it is missing, malformed, forged, expired or signed out. */
  verify(value: string | undefined): string | undefined {
    const session = this.session(value)
    return session?.openid || undefined
  }

  /** The OPENID of a request's session cookie. */
  fromCookieHeader(header: string | undefined): string | undefined {
    return this.verify(parseCookies(header)[SESSION_COOKIE])
  }

  /** Signs the request's session out: its cookie no longer works, even if kept, across restarts. */
  async revoke(header: string | undefined): Promise<void> {
    const session = this.session(parseCookies(header)[SESSION_COOKIE])
    if (!session) return
    const now = this.now()
    for (const [id, expires] of this.revoked) if (expires <= now) this.revoked.delete(id)
    this.revoked.set(session.id, session.issuedAt + SESSION_MS)
    if (!this.revokedFile) return
    const temporary = `${this.revokedFile}.${session.id}.tmp`
    await writeFile(temporary, JSON.stringify(Object.fromEntries(this.revoked)), { mode: 0o600 })
    await rename(temporary, this.revokedFile)
  }

  setCookie(openid: string): string {
    // Gone when the browser closes, and after SESSION_HOURS at the latest.
    return `${SESSION_COOKIE}=${this.sign(openid)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MS / 1000}`
  }

  private session(value: string | undefined): Session | undefined {
    if (!value) return undefined
    const parts = value.split('.')
    if (parts.length !== 3 || parts[0] !== VERSION) return undefined
    const [, payload, mac] = parts
    const expected = Buffer.from(this.mac(payload), 'base64url')
    const given = Buffer.from(mac, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    let session: Session
    try {
      session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session
    } catch {
      return undefined
    }
    const age = this.now() - session.issuedAt
    if (!(age >= 0 && age < SESSION_MS) || this.revoked.has(session.id)) return undefined
    return session
  }

  clearCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`${VERSION}.${payload}`).digest('base64url')
  }
}

/** Reads the data dir's session secret, creating it on first use. */
export async function loadSessions(dataDir: string): Promise<Sessions> {
  const file = path.join(dataDir, SECRET_FILE)
  try {
    await writeFile(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const hex = (await readFile(file, 'utf8')).trim()
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`会话密钥文件已损坏，请删除后重启: ${file}`)
  const revokedFile = path.join(dataDir, REVOKED_FILE)
  let revoked: Record<string, number> = {}
  try {
    revoked = JSON.parse(await readFile(revokedFile, 'utf8')) as Record<string, number>
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`退出登录记录文件已损坏，请删除后重启: ${revokedFile}`, { cause: err })
  }
  return new Sessions(Buffer.from(hex, 'hex'), Date.now, revokedFile, revoked)
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null)
  if (!header) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    if (!name || Object.hasOwn(cookies, name)) continue
    cookies[name] = part.slice(eq + 1).trim()
  }
  return cookies
}
