import { requireCleanText, type ContentChecker } from '../../server/security/content-check'
import { wordListChecker } from '../../server/security/word-list-check'
import { wxContentChecker } from '../../server/security/wx-content-check'

/** WeChat's openapi as the SDK exposes it: only the one call the checker makes, answered per test. */
const mockMsgSecCheck = jest.fn()
jest.mock('wx-server-sdk', () => ({ __esModule: true, default: { openapi: { security: { msgSecCheck: (...args: unknown[]) => mockMsgSecCheck(...args) } } } }))

beforeEach(() => mockMsgSecCheck.mockReset())

const pass = { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } }

describe('msgSecCheck in WeChat cloud', () => {
  it.each([
    ['profile', 1],
    ['comment', 2],
    ['forum', 3],
    ['log', 4],
  ] as const)('checks %s text as version 2, scene %i, with the writer’s OPENID', async (scene, number) => {
    mockMsgSecCheck.mockResolvedValue(pass)
    expect(await wxContentChecker.check({ openid: 'o-123', scene, text: '学习体会' })).toBe('pass')
    expect(mockMsgSecCheck).toHaveBeenCalledWith({ openid: 'o-123', scene: number, version: 2, content: '学习体会' })
  })

  it('refuses only what WeChat calls risky; review is kept (study notes name leaders and theory)', async () => {
    mockMsgSecCheck.mockResolvedValueOnce({ ...pass, result: { suggest: 'risky', label: 20001 } })
    expect(await wxContentChecker.check({ openid: 'o', scene: 'comment', text: 'x' })).toBe('risky')
    mockMsgSecCheck.mockResolvedValueOnce({ ...pass, result: { suggest: 'review', label: 20002 } })
    expect(await wxContentChecker.check({ openid: 'o', scene: 'comment', text: 'x' })).toBe('pass')
  })

  it.each([
    ['a rejected call', () => mockMsgSecCheck.mockRejectedValue({ errCode: -604101, errMsg: 'system error' })],
    ['an error code', () => mockMsgSecCheck.mockResolvedValue({ errCode: 61010, errMsg: 'user is not in the mini-program' })],
    ['an answer without a suggestion', () => mockMsgSecCheck.mockResolvedValue({ errCode: 0 })],
  ])('%s is an outage: the write is refused with 请稍后再试', async (_what, answer) => {
    answer()
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await expect(requireCleanText(wxContentChecker, 'o', 'comment', ['x'])).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringContaining('请稍后再试'),
      })
    } finally {
      errors.mockRestore()
    }
  })
})

describe('the local word list', () => {
  const checker: ContentChecker = wordListChecker(['违禁词', 'Spam'])

  it('flags a text holding a word, whatever the case or spaces', async () => {
    expect(await checker.check({ openid: 'o', scene: 'log', text: '这里有 违 禁 词' })).toBe('risky')
    expect(await checker.check({ openid: 'o', scene: 'log', text: 'no SPAM' })).toBe('risky')
    expect(await checker.check({ openid: 'o', scene: 'log', text: '认真学习' })).toBe('pass')
  })

  it('skips empty texts and refuses at the first flagged one', async () => {
    await expect(requireCleanText(checker, 'o', 'forum', ['', null, undefined, '好'])).resolves.toBeUndefined()
    await expect(requireCleanText(checker, 'o', 'forum', ['好', 'spam'])).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
