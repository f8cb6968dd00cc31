import { getMe } from '../../server/actions/getMe'
import { getToday } from '../../server/actions/getToday'
import { ARTICLES } from '../../server/content/docs'
import { PUSHES } from '../../server/push/pushes'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { recordTrips } from '../support/interrupt'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addMember({ _id: 'm1', openid: 'wx-m1', name: '王建华', roles: ['member', 'leader'] })
})
afterEach(() => cloud.close())

describe('getMe', () => {
  it("answers the caller's own profile with unit names, in two reads (the caller, both units' names)", async () => {
    const { result: me, trips } = await recordTrips(cloud, () => cloud.call(getMe, 'wx-m1', {}))
    expect(trips).toEqual(['get members', 'get units'])
    expect(me).toEqual({
      ok: true,
      callerPass: null,
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

describe('stored data that breaks the contract', () => {
  it('answers a generic message with a request id, and logs it', async () => {
    await cloud.db.collection(ARTICLES).add({ data: { _id: 'broken', title: '缺少字段', status: 'published', publishedOn: '2026-11-23' } })
    await cloud.db
      .collection(PUSHES)
      .add({ data: { _id: '2026-11-23', day: '2026-11-23', articleIds: ['broken'], source: 'queue', createdAt: '2026-11-22T23:30:00Z' } })
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)

    const result = await cloud.call(getToday, 'wx-m1', {})

    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId: expect.any(String) })
    const requestId = result.ok ? '' : result.requestId
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`request ${requestId}`), expect.anything())
    logged.mockRestore()
  })
})
