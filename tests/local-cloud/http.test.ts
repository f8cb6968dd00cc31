import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { SESSION_COOKIE, Sessions } from '../../local-cloud/session'
import { FIXTURE_FUNCTIONS, FIXTURE_STATIC, startTestLocalCloud, type TestLocalCloud } from '../support/local-cloud'

/** whoami's answer: the caller the platform saw and the event the function got. */
interface WhoAmI {
  ok: true
  data: { openid: string | null; event: Record<string, unknown> }
}

let t: TestLocalCloud

beforeAll(async () => {
  t = await startTestLocalCloud({
    functionsDir: FIXTURE_FUNCTIONS,
    staticDir: FIXTURE_STATIC,
    now: new Date('2026-11-23T02:00:00Z'),
  })
})

afterAll(async () => {
  await t?.close()
})

async function callsRecorded(): Promise<number> {
  return (await t.cloud.db.collection('calls').count()).total
}

/** A request exactly as written, without the normalising a URL parser would do. */
function rawGet(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: t.cloud.port, path: pathname, method: 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('POST /api/functions/:name', () => {
  test('without a session: 401 UNAUTHENTICATED and the function is not called', async () => {
    const before = await callsRecorded()
    const res = await t.call('whoami', { openid: 'local-openid-1' })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })
    expect(await callsRecorded()).toBe(before)
  })

  test('signed in: the function runs as the member of the cookie', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.call<WhoAmI>('whoami', { hello: '你好' }, cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.body.data.openid).toBe('local-openid-5')
    expect(res.body.data.event).toEqual({ hello: '你好', userInfo: { appId: 'local-appid', openId: 'local-openid-5' } })
  })

  test('identity fields in the body cannot impersonate another member', async () => {
    const cookie = await t.signIn('member-05')
    const forged = { openid: 'local-openid-3', OPENID: 'local-openid-3', userInfo: { openId: 'local-openid-3', appId: 'x' } }
    const res = await t.call<WhoAmI>('whoami', forged, cookie)
    expect(res.body.data.openid).toBe('local-openid-5')
    expect(res.body.data.event.userInfo).toEqual({ appId: 'local-appid', openId: 'local-openid-5' })
  })

  test('nor can the query string', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.fetch('/api/functions/whoami?openid=local-openid-3&OPENID=local-openid-3', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(((await res.json()) as WhoAmI).data.openid).toBe('local-openid-5')
  })

  test('a forged or altered session cookie is refused', async () => {
    const cookie = await t.signIn('member-05')
    const value = cookie.slice(SESSION_COOKIE.length + 1)
    const [version, , mac] = value.split('.')
    const otherPayload = Buffer.from('local-openid-3').toString('base64url')
    const flipped = mac.slice(0, -2) + (mac.endsWith('AA') ? 'BB' : 'AA')
    const payload = value.split('.')[1]
    const attempts = [
      `${version}.${otherPayload}.${mac}`,
      `${version}.${payload}.${flipped}`,
      `${version}.${otherPayload}.`,
      `${version}.${otherPayload}`,
      'local-openid-3',
      '',
    ]
    const before = await callsRecorded()
    for (const attempt of attempts) {
      const res = await t.call('whoami', {}, `${SESSION_COOKIE}=${attempt}`)
      expect(res.status).toBe(401)
    }
    expect(await callsRecorded()).toBe(before)
  })

  test('a session signed with another secret is refused', async () => {
    const foreign = new Sessions(randomBytes(32)).sign('local-openid-5')
    expect((await t.call('whoami', {}, `${SESSION_COOKIE}=${foreign}`)).status).toBe(401)
  })

  test('unknown function: 404', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.call('noSuchFunction', {}, cookie)
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await t.call('..%2F..%2Fserver', {}, cookie)).status).toBe(404)
  })

  test('unparseable JSON, a non-object body and a body over 64 KB: 400', async () => {
    const cookie = await t.signIn('member-05')
    const bad = await t.call('whoami', '{"hello": ', cookie)
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect((await t.call('whoami', '[1,2]', cookie)).status).toBe(400)
    expect((await t.call('whoami', 'null', cookie)).status).toBe(400)
    const big = await t.call('whoami', { text: 'x'.repeat(65 * 1024) }, cookie)
    expect(big.status).toBe(400)
    expect(big.body).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('64 KB') })
    // Just under the limit still goes through.
    const fits = await t.call<WhoAmI>('whoami', { text: 'x'.repeat(60 * 1024) }, cookie)
    expect(fits.status).toBe(200)
  })

  test('an empty body is the empty input', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.fetch('/api/functions/whoami', { method: 'POST', headers: { cookie } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as WhoAmI).data.event).toEqual({ userInfo: { appId: 'local-appid', openId: 'local-openid-5' } })
  })

  test('wrong method: 405 with Allow', async () => {
    const res = await t.fetch('/api/functions/whoami')
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
  })

  test('a function that throws: 500 INTERNAL, details only in the log', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.call('boom', {}, cookie)
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
    expect(t.logs.some((l) => l.includes('fixture failure'))).toBe(true)
  })

  test('a cross-site post is refused before the function runs', async () => {
    const cookie = await t.signIn('member-05')
    const before = await callsRecorded()
    const res = await t.fetch('/api/functions/whoami', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(403)
    expect(await callsRecorded()).toBe(before)
  })

  test('unknown API paths: 404 JSON', async () => {
    const res = await t.fetch('/api/other')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('local sign-in', () => {
  test('GET /local/signin lists the seeded members by 党支部 and 党小组 with role badges', async () => {
    const res = await t.fetch('/local/signin')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toContain('本地演示登录')
    expect(html).toContain('<meta name="viewport"')
    for (const text of ['机关第一党支部', '机关第二党支部', '第一党小组', '第四党小组', '陈立新', '沈晓东', '党小组长', '管理员']) {
      expect(html).toContain(text)
    }
    expect(html.match(/name="memberId"/g)).toHaveLength(40)
    // Branch 1 comes before branch 2, and each group's members under it (after the newcomer's section).
    const list = html.slice(html.indexOf('或选择一位成员登录'))
    expect(list.indexOf('机关第一党支部')).toBeGreaterThan(0)
    expect(list.indexOf('机关第一党支部')).toBeLessThan(list.indexOf('第二党小组'))
    expect(list.indexOf('第二党小组')).toBeLessThan(list.indexOf('机关第二党支部'))
  })

  test('signing in sets an HttpOnly session cookie and redirects to a same-site next', async () => {
    const res = await t.fetch('/local/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'memberId=member-11&next=%2F%23%2Fpages%2Fme%2Findex',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/#/pages/me/index')
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`))
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).toMatch(/Path=\//)
    const cookie = setCookie.split(';')[0]
    expect((await t.call<WhoAmI>('whoami', {}, cookie)).body.data.openid).toBe('local-openid-11')
    // The page then shows who is signed in.
    const page = await (await t.fetch('/local/signin', { headers: { cookie } })).text()
    expect(page).toMatch(/当前登录：<strong>林国栋<\/strong>/)
  })

  test.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'pages/index'])(
    'next %j is not followed off-site',
    async (next) => {
      const res = await t.fetch('/local/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ memberId: 'member-11', next }).toString(),
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/')
    },
  )

  test('an unknown member is not signed in', async () => {
    const res = await t.fetch('/local/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'memberId=member-99',
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toContain('没有找到这位成员')
  })

  test('signing out clears the cookie', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.fetch('/local/signout', { method: 'POST', headers: { cookie } })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/local/signin')
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`))
    expect((await t.fetch('/local/signout')).status).toBe(405)
    // The old cookie, kept by someone, no longer works, nor after a restart; another sign-in does.
    expect((await t.call('whoami', {}, cookie)).status).toBe(401)
    const kept = await t.signIn('member-05')
    await t.restart()
    expect((await t.call('whoami', {}, cookie)).status).toBe(401)
    expect((await t.call('whoami', {}, kept)).status).toBe(200)
  })
})

/** A raw request with the given Host (fetch cannot set it) and optional body parts sent slowly. */
function rawRequest(options: {
  method: string
  path: string
  host: string
  headers?: Record<string, string>
  body?: string
}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: t.cloud.port, path: options.path, method: options.method, headers: { host: options.host, ...options.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('a locked-down local cloud', () => {
  test('answers only this machine’s host names: a rebinding page on another name gets nothing, not even the clock', async () => {
    const cookie = await t.signIn('member-05')
    for (const host of ['evil.example', 'evil.example:8787', '192.168.1.20']) {
      expect((await rawRequest({ method: 'GET', path: '/local/clock', host })).status).toBe(421)
      expect((await rawRequest({ method: 'GET', path: '/local/timers', host })).status).toBe(421)
      const before = await callsRecorded()
      const call = await rawRequest({
        method: 'POST',
        path: '/api/functions/whoami',
        host,
        headers: { cookie, origin: `http://${host}`, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(call.status).toBe(421)
      expect(await callsRecorded()).toBe(before)
    }
    for (const host of [`localhost:${t.cloud.port}`, `127.0.0.1:${t.cloud.port}`]) {
      expect((await rawRequest({ method: 'GET', path: '/local/clock', host })).status).toBe(200)
    }
  })

  test('a body that stalls is cut off after a few seconds, with one line in the log', async () => {
    const cookie = await t.signIn('member-05')
    const started = Date.now()
    const answer = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: t.cloud.port,
          path: '/api/functions/whoami',
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', 'content-length': '100' },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', () => resolve(0))
      // Ten of the hundred bytes promised, then nothing.
      req.write('{"a":"1234')
      setTimeout(() => reject(new Error('no answer within 10 s')), 10_000).unref()
    })
    expect([408, 0]).toContain(answer)
    expect(Date.now() - started).toBeLessThan(9_000)
  }, 15_000)

  test('a request its client aborts logs one line, no stack', async () => {
    const cookie = await t.signIn('member-05')
    const before = t.logs.length
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: t.cloud.port,
        path: '/api/functions/whoami',
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'content-length': '100' },
      })
      req.on('error', () => resolve())
      req.write('{"a":')
      setTimeout(() => {
        req.destroy()
        setTimeout(resolve, 200)
      }, 100)
    })
    const added = t.logs.slice(before).filter((l) => l.includes('whoami'))
    expect(added).toHaveLength(1)
    expect(added[0]).toMatch(/中途断开/)
    expect(added[0]).not.toMatch(/\n\s+at /)
  })
})

describe('static H5 build', () => {
  test('without a session, the app page redirects to the sign-in page', async () => {
    const res = await t.fetch('/')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/local/signin?next=%2F')
  })

  test('a signed-in WeChat user who has not registered reaches the app too (it shows 实名注册)', async () => {
    const cookie = await t.signInNewUser()
    const res = await t.fetch('/', { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('fixture-index')
  })

  test('signed in, / and unknown page paths answer index.html, uncached', async () => {
    const cookie = await t.signIn('member-05')
    for (const p of ['/', '/index.html', '/pages/me/index', '/some/deep/path?x=1']) {
      const res = await t.fetch(p, { headers: { cookie } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('fixture-index')
    }
  })

  test('hashed assets are cached for good, others revalidated', async () => {
    const js = await t.fetch('/js/app.0123abcd.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await js.text()).toContain('fixture-app')
    const css = await t.fetch('/css/site.css')
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(css.headers.get('cache-control')).toBe('no-cache')
    const head = await t.fetch('/js/app.0123abcd.js', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0)
  })

  test('a missing asset is 404, not the app page', async () => {
    expect((await t.fetch('/js/missing.1234abcd.js')).status).toBe(404)
  })

  test.each(['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/js/..%2f..%2foutside.txt', '/%2e%2e%2f%2e%2e%2fpackage.json'])(
    'path traversal %s is refused',
    async (p) => {
      const res = await rawGet(p)
      expect([400, 403, 404, 302]).toContain(res.status)
      expect(res.body).not.toContain('fixture-outside-secret')
      expect(res.body).not.toContain('"dependencies"')
    },
  )

  test('a malformed path is 400', async () => {
    expect((await rawGet('/%E0%A4%A')).status).toBe(400)
    expect((await rawGet('/index.html%00.js')).status).toBe(400)
  })

  test('other methods: 405', async () => {
    expect((await t.fetch('/', { method: 'DELETE' })).status).toBe(405)
  })
})

describe('clock and timers', () => {
  test('GET /local/clock reads the fixed clock', async () => {
    const res = await t.fetch('/local/clock')
    expect(await res.json()).toEqual({ now: '2026-11-23T02:00:00.000Z', fixed: true })
  })

  test('POST /local/clock fixes it, null releases it, anything else is 400', async () => {
    const set = (body: unknown) => t.fetch('/local/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(await (await set({ now: '2026-12-01T08:00:00+08:00' })).json()).toEqual({ now: '2026-12-01T00:00:00.000Z', fixed: true })
    expect(t.cloud.clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z')
    const released = (await (await set({ now: null })).json()) as { now: string; fixed: boolean }
    expect(released.fixed).toBe(false)
    expect(Math.abs(Date.parse(released.now) - Date.now())).toBeLessThan(5000)
    for (const bad of [{ now: 'tomorrow' }, { now: '2026-12-01' }, { now: 5 }, {}]) {
      expect((await set(bad)).status).toBe(400)
    }
    expect((await t.fetch('/local/clock', { method: 'PUT' })).status).toBe(405)
    await set({ now: '2026-11-23T02:00:00Z' })
  })

  test('POST /local/timers/:name/fire runs the timer with a Timer event, no caller, on the local clock', async () => {
    const res = await t.fetch('/local/timers/dailyTick/fire', { method: 'POST' })
    expect(res.status).toBe(200)
    const result = (await res.json()) as { ok: boolean; data: { runs: number } }
    expect(result.ok).toBe(true)
    const { data } = await t.cloud.db.collection('ticks').orderBy('at', 'desc').limit(100).get()
    expect(data).toHaveLength(result.data.runs)
    const tick = data[0] as unknown as { event: unknown; caller: unknown; at: string; storedAt: unknown }
    expect(tick.event).toEqual({ Type: 'Timer', TriggerName: 'daily', Time: '2026-11-23T02:00:00.000Z' })
    expect(tick.caller).toBeNull()
    expect(tick.at).toBe('2026-11-23T02:00:00.000Z')
    // serverDate follows the fixed clock too.
    expect(new Date(tick.storedAt as Date).toISOString()).toBe('2026-11-23T02:00:00.000Z')
  })

  test('fire() runs it in-process too', async () => {
    const before = (await t.cloud.db.collection('ticks').count()).total
    expect(await t.cloud.fire('dailyTick')).toEqual({ ok: true, data: { runs: before + 1 } })
    await expect(t.cloud.fire('whoami')).rejects.toThrow(/没有定时触发器/)
  })

  test('firing a function without a timer, or an unknown one, is 404; GET is 405', async () => {
    expect((await t.fetch('/local/timers/whoami/fire', { method: 'POST' })).status).toBe(404)
    expect((await t.fetch('/local/timers/nope/fire', { method: 'POST' })).status).toBe(404)
    expect((await t.fetch('/local/timers/dailyTick/fire')).status).toBe(405)
  })

  test('GET /local/timers lists the timer functions', async () => {
    const res = await t.fetch('/local/timers')
    expect(await res.json()).toEqual({
      timers: [{ name: 'dailyTick', trigger: 'daily', cron: '0 30 7 * * * *', scheduled: false, nextRun: null }],
    })
  })
})

describe('a local cloud started with a passphrase (listening beyond this machine)', () => {
  let guarded: TestLocalCloud
  beforeAll(async () => {
    guarded = await startTestLocalCloud({
      functionsDir: FIXTURE_FUNCTIONS,
      staticDir: FIXTURE_STATIC,
      now: new Date('2026-11-23T02:00:00Z'),
      passphrase: 'open-sesame-2026',
    })
  })
  afterAll(async () => {
    await guarded?.close()
  })

  const signIn = (form: Record<string, string>) =>
    guarded.fetch('/local/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ next: '/', ...form }).toString(),
    })

  test('asks for it on the sign-in page, and signs nobody in without it', async () => {
    expect(await (await guarded.fetch('/local/signin')).text()).toContain('name="passphrase"')
    const forms: Record<string, string>[] = [{ memberId: 'member-05' }, { memberId: 'member-05', passphrase: 'wrong-guess-0000' }, { newUser: '1' }]
    for (const form of forms) {
      const res = await signIn(form)
      expect(res.status).toBe(400)
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(await res.text()).toContain('口令不对')
    }
    const res = await signIn({ memberId: 'member-05', passphrase: 'open-sesame-2026' })
    expect(res.status).toBe(303)
    expect(res.headers.get('set-cookie')).toContain(SESSION_COOKIE)
  })
})
