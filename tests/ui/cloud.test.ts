import { callFunction, CloudError } from '../../src/services/cloud'
import { send } from '../../src/services/transport'
import { profile } from '../support/ui-fixtures'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
const sendMock = send as jest.MockedFunction<typeof send>

beforeEach(() => sendMock.mockReset())

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(CloudError)
    return error as CloudError
  }
  throw new Error('expected the call to fail')
}

describe('callFunction', () => {
  test('sends { action, ...input } to the function that serves the action and resolves with the data', async () => {
    sendMock.mockResolvedValue({ ok: true, data: profile })
    await expect(callFunction('getMe', {})).resolves.toEqual(profile)
    expect(sendMock).toHaveBeenCalledWith('member', { action: 'getMe' })
    sendMock.mockResolvedValue({ ok: true, data: { items: [] } })
    await callFunction('listLibrary', { kind: 'book' })
    expect(sendMock).toHaveBeenLastCalledWith('study', { action: 'listLibrary', kind: 'book' })
  })

  test('leaves checking the input to the server, which answers in Chinese', async () => {
    sendMock.mockResolvedValue({ ok: false, code: 'INVALID_INPUT', message: '学习心得最多 500 字' })
    const error = await failure(callFunction('checkIn', { reflection: '学'.repeat(501) }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '学习心得最多 500 字' })
    expect(sendMock).toHaveBeenCalledWith('member', { action: 'checkIn', reflection: '学'.repeat(501) })
  })

  test('turns an error result into a CloudError with code, message and request id', async () => {
    sendMock.mockResolvedValue({ ok: false, code: 'NOT_REGISTERED', message: '你还没有注册', requestId: 'r-9' })
    const error = await failure(callFunction('getMe', {}))
    expect(error).toMatchObject({ code: 'NOT_REGISTERED', message: '你还没有注册', requestId: 'r-9' })
  })

  test('an answer that is no result at all is an error, not data', async () => {
    sendMock.mockResolvedValue('<html>Bad gateway</html>')
    expect((await failure(callFunction('getMe', {}))).code).toBe('INTERNAL')
    sendMock.mockResolvedValue({ ok: true })
    expect((await failure(callFunction('getMe', {}))).code).toBe('INTERNAL')
  })

  test('an action no function serves is refused before anything is sent', async () => {
    const error = await failure(callFunction('noSuchAction' as 'getMe', {}))
    expect(error.code).toBe('NOT_FOUND')
    expect(sendMock).not.toHaveBeenCalled()
  })

  test('sends back the caller pass the last answer gave, and drops it when an answer says null', async () => {
    sendMock.mockResolvedValue({ ok: true, data: profile, callerPass: 'pass-1' })
    await callFunction('getMe', {})
    sendMock.mockResolvedValue({ ok: true, data: { items: [] } })
    await callFunction('listLibrary', { kind: 'book' })
    expect(sendMock).toHaveBeenLastCalledWith('study', { action: 'listLibrary', kind: 'book', callerPass: 'pass-1' })
    // An answer served on the pass has none of its own: the one held is kept.
    await callFunction('listLibrary', { kind: 'article' })
    expect(sendMock).toHaveBeenLastCalledWith('study', { action: 'listLibrary', kind: 'article', callerPass: 'pass-1' })
    sendMock.mockResolvedValue({ ok: false, code: 'NETWORK', message: '网络不给力' })
    await failure(callFunction('getMe', {}))
    sendMock.mockResolvedValue({ ok: true, data: profile, callerPass: null })
    await callFunction('updateProfile', { largeFont: true })
    expect(sendMock).toHaveBeenLastCalledWith('member', { action: 'updateProfile', largeFont: true, callerPass: 'pass-1' })
    await callFunction('getMe', {})
    expect(sendMock).toHaveBeenLastCalledWith('member', { action: 'getMe' })
  })

  test('transport failures pass through as they are', async () => {
    sendMock.mockRejectedValue(new CloudError('NETWORK', '网络不给力，请检查网络后重试'))
    const error = await failure(callFunction('getMe', {}))
    expect(error).toMatchObject({ code: 'NETWORK', message: '网络不给力，请检查网络后重试' })
  })
})
