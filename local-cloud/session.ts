import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The local demo session: an HttpOnly cookie holding the signed-in member's OPENID and an HMAC of
 * it. The local cloud takes the caller's identity from this cookie only, as WeChat cloud takes it
 * from the invocation context and never from the payload.
 */
export const SESSION_COOKIE = 'xxq_local_session'

/** Kept beside the store's files so a session survives restarts but not a wiped data dir. */
export const SECRET_FILE = 'local-session.secret'

const VERSION = 'v1'

export class Sessions {
  constructor(private readonly secret: Buffer) {}

  /** The cookie value for a signed-in OPENID. */
  sign(openid: string): string {
    const payload = Buffer.from(openid, 'utf8').toString('base64url')
    return `${VERSION}.${payload}.${this.mac(payload)}`
  }

  /** The OPENID of a cookie value, or undefined when it is missing, malformed or forged. */
  verify(value: string | undefined): string | undefined {
    if (!value) return undefined
    const parts = value.split('.')
    if (parts.length !== 3 || parts[0] !== VERSION) return undefined
    const [, payload, mac] = parts
    const expected = Buffer.from(this.mac(payload), 'base64url')
    const given = Buffer.from(mac, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    const openid = Buffer.from(payload, 'base64url').toString('utf8')
    return openid || undefined
  }

  /** The OPENID of a request's session cookie. */
  fromCookieHeader(header: string | undefined): string | undefined {
    return this.verify(parseCookies(header)[SESSION_COOKIE])
  }

  setCookie(openid: string): string {
    // A browser session cookie: gone when the browser closes, like a demo should be.
    return `${SESSION_COOKIE}=${this.sign(openid)}; Path=/; HttpOnly; SameSite=Lax`
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
  return new Sessions(Buffer.from(hex, 'hex'))
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
