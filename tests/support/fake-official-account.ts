import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRequest {
  path: string
  token: string | null
  body: Record<string, unknown>
}

/** What the fake answers to one request instead of its normal answer; 'hangUp' closes the socket. */
export type Scripted = Record<string, unknown> | 'hangUp'

/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1: stable_token, draft/add and freepublish/submit
 * with their request checks and error codes; tokens can be revoked and answers scripted per path.
 */
export class FakeOfficialAccount {
  readonly requests: FakeRequest[] = []
  readonly drafts = new Map<string, unknown[]>()
  readonly published: string[] = []
  private readonly valid = new Set<string>()
  private readonly scripts = new Map<string, Scripted[]>()
  private tokens = 0
  private server: Server | undefined
  url = ''

  constructor(
    readonly appId = 'wx-oa-app',
    readonly secret = 'oa-secret',
  ) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      void this.handle(req).then((answer) => {
        if (answer === 'hangUp') {
          req.socket.destroy()
          return
        }
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(answer))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.server = server
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections()
      this.server?.close(() => resolve())
    })
  }

  /** The next answers for a path, before the normal ones. */
  script(path: string, ...answers: Scripted[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...answers])
  }

  /** Makes every token issued so far invalid (as another fetch of /cgi-bin/token would). */
  revokeTokens(): void {
    this.valid.clear()
  }

  calls(path: string): FakeRequest[] {
    return this.requests.filter((r) => r.path === path)
  }

  private async handle(req: IncomingMessage): Promise<Scripted> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://fake')
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
    this.requests.push({ path: url.pathname, token: url.searchParams.get('access_token'), body })
    const scripted = this.scripts.get(url.pathname)?.shift()
    if (scripted) return scripted
    if (req.method !== 'POST') return { errcode: 43002, errmsg: 'require POST method' }
    if (url.pathname === '/cgi-bin/stable_token') {
      if (body.grant_type !== 'client_credential' || body.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' }
      if (body.secret !== this.secret) return { errcode: 40125, errmsg: 'invalid appsecret' }
      const token = `token-${++this.tokens}`
      this.valid.add(token)
      return { access_token: token, expires_in: 7200 }
    }
    const token = url.searchParams.get('access_token')
    if (!token || !this.valid.has(token)) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    if (url.pathname === '/cgi-bin/draft/add') {
      const articles = body.articles
      if (!Array.isArray(articles) || articles.length === 0 || articles.length > 8) return { errcode: 40007, errmsg: 'invalid media_id' }
      for (const a of articles as Record<string, unknown>[]) {
        if (!a.title || !a.content || !a.thumb_media_id) return { errcode: 44003, errmsg: 'empty news data' }
      }
      const mediaId = `media-${this.drafts.size + 1}`
      this.drafts.set(mediaId, articles)
      return { media_id: mediaId }
    }
    if (url.pathname === '/cgi-bin/freepublish/submit') {
      const mediaId = String(body.media_id)
      if (!this.drafts.has(mediaId)) return { errcode: 40007, errmsg: 'invalid media_id' }
      this.published.push(mediaId)
      return { errcode: 0, errmsg: 'ok', publish_id: `${100000 + this.published.length}` }
    }
    return { errcode: 404, errmsg: 'no such api' }
  }
}
