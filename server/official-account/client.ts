import { postJson } from './http'

/**
 * The official account's (公众号) HTTP API: an access token from `/cgi-bin/stable_token`, cached
 * until shortly before it expires and fetched again when an API answers 40001/42001; drafts
 * (`/cgi-bin/draft/add` → media_id) and publishing (`/cgi-bin/freepublish/submit` → publish_id).
 */
export interface OfficialAccountOptions {
  appId: string
  secret: string
  /** Default https://api.weixin.qq.com; tests point it at a local fake. */
  baseUrl?: string
  /** The permanent image material every article's cover uses (`thumb_media_id`). */
  thumbMediaId?: string
  /** Milliseconds clock, for token expiry. */
  now?: () => number
  timeoutMs?: number
}

/** The API answered with an error code: nothing was done, retrying is safe. */
export class OfficialAccountError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${api} errcode ${errcode}: ${errmsg}`)
    this.name = 'OfficialAccountError'
  }
}

/** One article of a draft, as the draft API takes it. */
export interface DraftArticle {
  title: string
  author: string
  digest: string
  /** HTML (see html.ts). */
  content: string
}

/** What the daily push needs of an official account: the API client, or the local cloud's stand-in. */
export type OfficialAccount = Pick<OfficialAccountClient, 'thumbMediaId' | 'addDraft' | 'submit'>

/** Codes that mean the access token is no longer good. */
const STALE_TOKEN = new Set([40001, 40014, 42001])
/** Renew this long before the announced expiry. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000

export class OfficialAccountClient {
  readonly thumbMediaId: string | undefined
  private readonly baseUrl: string
  private readonly now: () => number
  private token: { value: string; expiresAt: number } | undefined
  private pending: Promise<string> | undefined

  constructor(private readonly options: OfficialAccountOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '')
    this.thumbMediaId = options.thumbMediaId
    this.now = options.now ?? Date.now
  }

  /** The cached token, or a new one (concurrent callers share one request). */
  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.now()) return this.token.value
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined
    })
    return this.pending
  }

  private async fetchToken(): Promise<string> {
    const answer = await postJson(
      `${this.baseUrl}/cgi-bin/stable_token`,
      { grant_type: 'client_credential', appid: this.options.appId, secret: this.options.secret, force_refresh: false },
      this.options.timeoutMs,
    )
    const value = answer.access_token
    if (typeof value !== 'string' || !value) throw apiError('stable_token', answer)
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 7200
    this.token = { value, expiresAt: this.now() + Math.max(0, expiresIn * 1000 - TOKEN_MARGIN_MS) }
    return value
  }

  /** Calls an API with the token; a stale token is dropped and the call made once more. */
  private async call(path: string, body: unknown): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken()
      const answer = await postJson(`${this.baseUrl}${path}?access_token=${encodeURIComponent(token)}`, body, this.options.timeoutMs)
      const errcode = Number(answer.errcode ?? 0)
      if (errcode === 0) return answer
      if (STALE_TOKEN.has(errcode) && attempt === 0) {
        if (this.token?.value === token) this.token = undefined
        continue
      }
      throw apiError(path, answer)
    }
  }

  /** Creates a draft (草稿) of up to 8 articles; answers its media_id. */
  async addDraft(articles: DraftArticle[], thumbMediaId: string): Promise<string> {
    const answer = await this.call('/cgi-bin/draft/add', {
      articles: articles.map((a) => ({
        title: a.title,
        author: a.author,
        digest: a.digest,
        content: a.content,
        content_source_url: '',
        thumb_media_id: thumbMediaId,
        need_open_comment: 0,
        only_fans_can_comment: 0,
      })),
    })
    if (typeof answer.media_id !== 'string' || !answer.media_id) throw apiError('/cgi-bin/draft/add', answer)
    return answer.media_id
  }

  /** Submits a draft for publishing (发布); answers its publish_id. */
  async submit(mediaId: string): Promise<string> {
    const answer = await this.call('/cgi-bin/freepublish/submit', { media_id: mediaId })
    const publishId = answer.publish_id
    if ((typeof publishId !== 'string' && typeof publishId !== 'number') || publishId === '') {
      throw apiError('/cgi-bin/freepublish/submit', answer)
    }
    return String(publishId)
  }
}

function apiError(api: string, answer: Record<string, unknown>): OfficialAccountError {
  return new OfficialAccountError(api, Number(answer.errcode ?? -1), String(answer.errmsg ?? '应答缺少所需字段'))
}

type Env = Record<string, string | undefined>

/** OA_APPID and OA_SECRET (both, or no client); OA_API_BASE, OA_THUMB_MEDIA_ID. */
export function officialAccountFromEnv(env: Env = process.env): OfficialAccountClient | undefined {
  const appId = env.OA_APPID?.trim()
  const secret = env.OA_SECRET?.trim()
  if (!appId || !secret) return undefined
  return new OfficialAccountClient({
    appId,
    secret,
    baseUrl: env.OA_API_BASE?.trim() || undefined,
    thumbMediaId: env.OA_THUMB_MEDIA_ID?.trim() || undefined,
  })
}
