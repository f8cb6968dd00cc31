import http from 'node:http'
import https from 'node:https'

/** No answer came back: the request may or may not have been acted on. */
export class NoAnswerError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`${url} 没有应答: ${(cause as Error)?.message ?? String(cause)}`)
    this.name = 'NoAnswerError'
  }
}

/**
 * POSTs a JSON body and parses the JSON answer. Plain node:http(s), not fetch: WeChat cloud
 * functions may run on Node 16.
 */
export function postJson(url: string, body: unknown, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const target = new URL(url)
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  const transport = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', (err) => reject(new NoAnswerError(target.pathname, err)))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            const value = JSON.parse(text) as unknown
            if (value && typeof value === 'object' && !Array.isArray(value)) resolve(value as Record<string, unknown>)
            else reject(new NoAnswerError(target.pathname, new Error(`HTTP ${res.statusCode}: 应答不是 JSON 对象`)))
          } catch {
            reject(new NoAnswerError(target.pathname, new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`)))
          }
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('请求超时')))
    req.on('error', (err) => reject(new NoAnswerError(target.pathname, err)))
    req.end(payload)
  })
}
