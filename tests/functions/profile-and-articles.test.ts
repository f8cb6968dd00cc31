import { getMe } from '../../cloudfunctions/getMe'
import { listArticles } from '../../cloudfunctions/listArticles'
import { ARTICLES } from '../../server/articles'
import { openTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addMember({ _id: 'm1', openid: 'wx-m1', name: '王建华', roles: ['member', 'leader'] })
})
afterEach(() => cloud.close())

const article = (id: string, publishedOn: string, extra: object = {}) => ({
  _id: id,
  title: `文章${id}`,
  summary: '摘要',
  source: '学习圈编辑部',
  publishedOn,
  category: '政治理论',
  body: [{ type: 'paragraph', text: '正文' }],
  ...extra,
})

describe('getMe', () => {
  it("answers the caller's own profile with unit names", async () => {
    expect(await cloud.call(getMe, 'wx-m1', {})).toEqual({
      ok: true,
      data: {
        memberId: 'm1',
        name: '王建华',
        displayName: null,
        avatarUrl: null,
        largeFont: false,
        groupId: 'group-1',
        groupName: '第一党小组',
        branchId: 'branch-1',
        branchName: '第一党支部',
        roles: ['member', 'leader'],
      },
    })
  })

  it('tells an unregistered WeChat user to register', async () => {
    expect(await cloud.call(getMe, 'wx-new', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  })
})

describe('listArticles', () => {
  beforeEach(async () => {
    for (const a of [
      article('a1', '2026-11-21'),
      article('a2', '2026-11-23'),
      article('a3', '2026-11-22'),
      article('future', '2026-11-24'),
    ])
      await cloud.db.collection(ARTICLES).add({ data: a })
  })

  it('lists published articles newest first, leaving out those scheduled after today (Shanghai)', async () => {
    const result = await cloud.call(listArticles, 'wx-m1', {})
    expect(result).toEqual({
      ok: true,
      data: {
        items: ['a2', 'a3', 'a1'].map((id) => ({
          _id: id,
          title: `文章${id}`,
          summary: '摘要',
          source: '学习圈编辑部',
          publishedOn: expect.any(String),
        })),
      },
    })
  })

  it("includes tomorrow's article from Shanghai midnight on", async () => {
    cloud.clock.fix(new Date('2026-11-23T16:00:00Z'))
    const result = await cloud.call(listArticles, 'wx-m1', { limit: 1 })
    expect(result).toMatchObject({ ok: true, data: { items: [{ _id: 'future' }] } })
  })

  it('refuses a limit out of range', async () => {
    expect(await cloud.call(listArticles, 'wx-m1', { limit: 0 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call(listArticles, 'wx-m1', { limit: 21 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('answers a generic message with a request id, and logs it, when stored data breaks the contract', async () => {
    await cloud.db.collection(ARTICLES).add({ data: { _id: 'broken', title: '缺少字段', publishedOn: '2026-11-23' } })
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)

    const result = await cloud.call(listArticles, 'wx-m1', {})

    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId: expect.any(String) })
    const requestId = result.ok ? '' : result.requestId
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`request ${requestId}`), expect.anything())
    logged.mockRestore()
  })
})
