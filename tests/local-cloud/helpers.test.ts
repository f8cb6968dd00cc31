import { randomBytes } from 'node:crypto'
import { byteRange, contentTypeOf, isHashedAsset, parseInstant, safeNext } from '../../local-cloud/http'
import { parseCookies, SESSION_COOKIE, Sessions } from '../../local-cloud/session'

describe('session cookie', () => {
  const sessions = new Sessions(randomBytes(32))

  test('round-trips an OPENID', () => {
    expect(sessions.verify(sessions.sign('local-openid-7'))).toBe('local-openid-7')
    expect(sessions.fromCookieHeader(`a=1; ${SESSION_COOKIE}=${sessions.sign('oX_9-ab')}; b=2`)).toBe('oX_9-ab')
  })

  test('refuses another secret, a changed payload, and junk', () => {
    const value = sessions.sign('local-openid-7')
    const [v, , mac] = value.split('.')
    expect(new Sessions(randomBytes(32)).verify(value)).toBeUndefined()
    expect(sessions.verify(`${v}.${Buffer.from('local-openid-1').toString('base64url')}.${mac}`)).toBeUndefined()
    expect(sessions.verify(`v1.${value.slice(3)}`)).toBeUndefined()
    for (const junk of [undefined, '', 'a.b', 'a.b.c.d', `${v}..${mac}`]) expect(sessions.verify(junk)).toBeUndefined()
  })

  test('the cookie is HttpOnly and SameSite, lasts 12 hours, and clearing expires it', () => {
    expect(sessions.setCookie('x')).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/)
    expect(sessions.clearCookie()).toMatch(/Max-Age=0/)
  })

  test('a session ends 12 hours after signing in (real time), and at once when signed out', async () => {
    let now = Date.parse('2026-12-04T01:00:00Z')
    const timed = new Sessions(randomBytes(32), () => now)
    const value = timed.sign('local-openid-7')
    now += 12 * 3600_000 - 1
    expect(timed.verify(value)).toBe('local-openid-7')
    now += 1
    expect(timed.verify(value)).toBeUndefined()
    const other = timed.sign('local-openid-8')
    const kept = timed.sign('local-openid-8')
    await timed.revoke(`${SESSION_COOKIE}=${other}`)
    expect(timed.verify(other)).toBeUndefined()
    // Another sign-in of the same member is another session.
    expect(timed.verify(kept)).toBe('local-openid-8')
  })

  test('cookie parsing keeps the first of duplicate names and ignores prototype keys', () => {
    expect(parseCookies('a=1; a=2; b = 3 ; junk')).toEqual({ a: '1', b: '3' })
    expect(parseCookies('constructor=x').constructor).toBe('x')
    expect(parseCookies(undefined)).toEqual({})
  })
})

describe('safeNext', () => {
  test.each([
    ['/', '/'],
    ['/#/pages/me/index', '/#/pages/me/index'],
    ['/pages/index/index?x=1', '/pages/index/index?x=1'],
    ['/a/../b', '/b'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\tevil', '/'],
    ['relative', '/'],
    [undefined, '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected)
  })
})

describe('static helpers', () => {
  test('content types', () => {
    expect(contentTypeOf('/x/app.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('index.HTML')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('a.woff2')).toBe('font/woff2')
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream')
  })

  test('hashed asset names', () => {
    expect(isHashedAsset('js/app.fafe23d0.js')).toBe(true)
    expect(isHashedAsset('css/462.8dea11e9.css')).toBe(true)
    expect(isHashedAsset('js/169.93b2fe22.js.LICENSE.txt')).toBe(false)
    expect(isHashedAsset('index.html')).toBe(false)
    expect(isHashedAsset('css/site.css')).toBe(false)
  })

  test('clock instants need a zone', () => {
    expect(parseInstant('2026-11-23T08:00:00+08:00')?.toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(parseInstant('2026-11-23T00:00Z')?.toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(parseInstant('2026-11-23T00:00:00')).toBeUndefined()
    expect(parseInstant('2026-11-23')).toBeUndefined()
    expect(parseInstant('2026-13-40T00:00:00Z')).toBeUndefined()
  })
})

test('byteRange: one range of a file, as audio seeking asks for it; anything else is the whole file', () => {
  expect(byteRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 })
  expect(byteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 })
  expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 })
  expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
  for (const header of [undefined, 'bytes=1000-', 'bytes=5-2', 'bytes=-', 'bytes=0-1,5-9', 'items=0-1']) expect(byteRange(header, 1000)).toBeUndefined()
})
