import Taro from '@tarojs/taro'
import { CloudError } from '../../src/services/errors'
import { send as sendH5, signInUrl } from '../../src/services/transport.h5'
import { send as sendWeapp } from '../../src/services/transport.weapp'
import { profile } from '../support/ui-fixtures'

const ok = { ok: true, data: profile }

describe('h5 transport', () => {
  const realFetch = globalThis.fetch
  let fetchMock: jest.Mock
  beforeEach(() => {
    fetchMock = jest.fn()
    globalThis.fetch = fetchMock as unknown as typeof fetch
  })
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  const reply = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response

  test('posts the call as JSON to /api/functions/<function> with the session cookie', async () => {
    fetchMock.mockResolvedValue(reply(200, ok))
    await expect(sendH5('member', { action: 'getMe' })).resolves.toEqual(ok)
    expect(fetchMock).toHaveBeenCalledWith('/api/functions/member', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"getMe"}',
      credentials: 'same-origin',
    })
  })

  test('error results come back as they are, whatever the HTTP status', async () => {
    const refused = { ok: false, code: 'INVALID_INPUT', message: '学习心得最多 500 字' }
    fetchMock.mockResolvedValue(reply(400, refused))
    await expect(sendH5('member', { action: 'checkIn' })).resolves.toEqual(refused)
  })

  test('a failed request is a NETWORK error in Chinese', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(sendH5('member', { action: 'getMe' })).rejects.toMatchObject({
      code: 'NETWORK',
      message: '网络不给力，请检查网络后重试',
    })
  })

  test('an answer that is not JSON is a NETWORK error', async () => {
    fetchMock.mockResolvedValue({ status: 502, ok: false, json: async () => Promise.reject(new SyntaxError('x')) })
    await expect(sendH5('member', { action: 'getMe' })).rejects.toMatchObject({ code: 'NETWORK' })
  })

  test('401 means nobody is signed in: it rejects with UNAUTHENTICATED and heads to sign-in', async () => {
    // jsdom cannot navigate; it reports the attempt on the console.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    fetchMock.mockResolvedValue(reply(401, { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }))
    const error = await sendH5('member', { action: 'getMe' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(String(quiet.mock.calls[0]?.[0])).toMatch(/navigation/)
    quiet.mockRestore()
  })

  test('sign-in returns to the current page, hash route included', () => {
    window.history.replaceState(null, '', '/#/pages/me/index')
    expect(signInUrl()).toBe('/local/signin?next=%2F%23%2Fpages%2Fme%2Findex')
    window.history.replaceState(null, '', '/')
  })
})

describe('weapp transport', () => {
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock

  test('calls Taro.cloud.callFunction and returns res.result', async () => {
    callFunction.mockResolvedValue({ result: ok, errMsg: 'cloud.callFunction:ok' })
    await expect(sendWeapp('study', { action: 'getArticle', id: 'article-1' })).resolves.toEqual(ok)
    expect(callFunction).toHaveBeenCalledWith({ name: 'study', data: { action: 'getArticle', id: 'article-1' } })
  })

  test('a rejected call is a NETWORK error in Chinese', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    callFunction.mockRejectedValue({ errCode: -1, errMsg: 'cloud.callFunction:fail timeout' })
    await expect(sendWeapp('member', { action: 'getMe' })).rejects.toMatchObject({
      code: 'NETWORK',
      message: '网络不给力，请检查网络后重试',
    })
    quiet.mockRestore()
  })
})
