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
  test('refuses invalid input before sending anything', async () => {
    const error = await failure(callFunction('checkIn', { reflection: '学'.repeat(501) }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('学习心得最多 500 字')
    expect(sendMock).not.toHaveBeenCalled()
  })

  test('refuses unknown fields (the contract is strict)', async () => {
    const input = { reflection: '好', page: 2 } as unknown as { reflection: string }
    const error = await failure(callFunction('checkIn', input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(sendMock).not.toHaveBeenCalled()
  })

  test('sends the checked input and resolves with the data of an ok result', async () => {
    sendMock.mockResolvedValue({ ok: true, data: profile })
    await expect(callFunction('getMe', {})).resolves.toEqual(profile)
    expect(sendMock).toHaveBeenCalledWith('getMe', {})
  })

  test('sends the reflection trimmed, as the server stores it', async () => {
    sendMock.mockResolvedValue({ ok: false, code: 'INTERNAL', message: '服务出错了' })
    await failure(callFunction('checkIn', { reflection: '  学习心得  ' }))
    expect(sendMock).toHaveBeenCalledWith('checkIn', { reflection: '学习心得' })
  })

  test('turns an error result into a CloudError with code, message and request id', async () => {
    sendMock.mockResolvedValue({ ok: false, code: 'NOT_REGISTERED', message: '你还没有注册', requestId: 'r-9' })
    const error = await failure(callFunction('getMe', {}))
    expect(error).toMatchObject({ code: 'NOT_REGISTERED', message: '你还没有注册', requestId: 'r-9' })
  })

  test('an answer that breaks the contract is an error, not data', async () => {
    sendMock.mockResolvedValue({ ok: true, data: { name: 42 } })
    expect((await failure(callFunction('getMe', {}))).code).toBe('INTERNAL')
    sendMock.mockResolvedValue('<html>Bad gateway</html>')
    expect((await failure(callFunction('getMe', {}))).code).toBe('INTERNAL')
  })

  test('transport failures pass through as they are', async () => {
    sendMock.mockRejectedValue(new CloudError('NETWORK', '网络不给力，请检查网络后重试'))
    const error = await failure(callFunction('getMe', {}))
    expect(error).toMatchObject({ code: 'NETWORK', message: '网络不给力，请检查网络后重试' })
  })
})
