import { getCheckInSummary } from '../../server/actions/getCheckInSummary'
import { getGroupWeek } from '../../server/actions/getGroupWeek'
import { getMe } from '../../server/actions/getMe'
import { listUnits } from '../../server/actions/listUnits'
import { updateProfile } from '../../server/actions/updateProfile'
import { getArticle } from '../../server/actions/getArticle'
import { CALLER_PASS_MS } from '../../server/caller-pass'
import { MEMBERS } from '../../server/members'
import { addArticle } from '../support/content'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { recordTrips } from '../support/interrupt'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
})
afterEach(() => cloud.close())

type Answer = { ok: boolean; callerPass?: string | null; data?: unknown; code?: string }

/** A call with the pass beside its input, as the mini-program's adapter sends it; answers the result and its round trips. */
async function withPass(fn: { main(event: unknown): Promise<unknown> }, openid: string | undefined, callerPass: string, input: object = {}) {
  const { result, trips } = await recordTrips(cloud, () => cloud.call(fn, openid, { ...input, callerPass }))
  return { result: result as Answer, trips }
}

async function passOf(openid: string): Promise<string> {
  const answer = (await cloud.call(getMe, openid, {})) as Answer
  expect(answer).toMatchObject({ ok: true, callerPass: expect.any(String) })
  return answer.callerPass!
}

const later = (ms: number) => cloud.clock.fix(new Date(cloud.clock.now().getTime() + ms))

describe('caller pass (身份凭证)', () => {
  it('a plain member’s looked-up call answers a pass; calls with it are served as them without looking them up', async () => {
    const pass = await passOf('wx-m1')
    const { result, trips } = await withPass(getMe, 'wx-m1', pass)
    expect(result).toMatchObject({ ok: true, data: { memberId: 'm1', name: '李党员', groupId: 'group-1' } })
    expect(trips).toEqual(['get units'])
    // Served on the pass: no new one; the member's own check-ins, in one read.
    expect(result).not.toHaveProperty('callerPass')
    expect((await withPass(getCheckInSummary, 'wx-m1', pass)).trips).toEqual(['get checkins'])
  })

  it('never travels with the OPENID or the phone', async () => {
    await cloud.db
      .collection(MEMBERS)
      .doc('m1')
      .update({ data: { phone: '13800000009' } })
    const body = Buffer.from((await passOf('wx-m1')).split('.')[0], 'base64url').toString()
    expect(body).toContain('李党员')
    expect(body).not.toContain('wx-m1')
    expect(body).not.toContain('13800000009')
  })

  it('is good for its own WeChat user only: another user sending it is looked up and served as themselves', async () => {
    const pass = await passOf('wx-m1')
    const { result, trips } = await withPass(getMe, 'wx-t1', pass)
    expect(result).toMatchObject({ ok: true, data: { memberId: 't1', name: '赵一' }, callerPass: expect.any(String) })
    expect(trips).toContain('get members')
    expect((await withPass(getMe, undefined, pass)).result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    // Someone not registered gets nothing from a member's pass.
    expect((await withPass(getMe, 'wx-stranger', pass)).result).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  })

  it('an altered pass, or a pass of another kind, is not honoured: the record decides', async () => {
    const pass = await passOf('wx-m1')
    const [body, signature] = pass.split('.')
    const claimed = JSON.parse(Buffer.from(body, 'base64url').toString())
    claimed.member.roles = ['member', 'orgAdmin']
    const forged = `${Buffer.from(JSON.stringify(claimed)).toString('base64url')}.${signature}`
    expect((await withPass(listUnits, 'wx-m1', forged)).result).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A reading pass is signed by the same environment, for another purpose.
    await addArticle(cloud.db, { _id: 'a1', status: 'published' })
    const article = (await cloud.call(getArticle, 'wx-m1', { id: 'a1', sessionId: 'session-0001' })) as { data: { sessionPass: string } }
    const { result, trips } = await withPass(getMe, 'wx-m1', article.data.sessionPass)
    expect(result).toMatchObject({ ok: true, data: { memberId: 'm1' }, callerPass: expect.any(String) })
    expect(trips).toContain('get members')
    for (const junk of ['', 'abc', `${body}.`, `${body}.${signature}.x`]) {
      expect((await withPass(getMe, 'wx-m1', junk)).result).toMatchObject({ ok: true, data: { memberId: 'm1' } })
    }
  })

  it(`lasts ${CALLER_PASS_MS / 60_000} minutes: a member deactivated meanwhile is refused once it has expired`, async () => {
    const pass = await passOf('wx-m1')
    await cloud.db
      .collection(MEMBERS)
      .doc('m1')
      .update({ data: { status: 'inactive' } })
    later(CALLER_PASS_MS - 1)
    expect((await withPass(getCheckInSummary, 'wx-m1', pass)).result).toMatchObject({ ok: true })
    later(1)
    expect((await withPass(getCheckInSummary, 'wx-m1', pass)).result).toEqual({ ok: false, code: 'FORBIDDEN', message: '你的账号已停用，如有疑问请联系管理员' })
  })

  it('an expired pass is looked up again and answered with a fresh one', async () => {
    const pass = await passOf('wx-m1')
    later(CALLER_PASS_MS)
    const { result, trips } = await withPass(getMe, 'wx-m1', pass)
    expect(trips).toContain('get members')
    expect(result.callerPass).toEqual(expect.any(String))
    expect(result.callerPass).not.toBe(pass)
  })

  it('leaders and admins get none, so a role taken away is gone at once; a role given is served at once', async () => {
    for (const who of ['wx-lead1', 'wx-ba1', 'wx-org']) expect(await cloud.call(getMe, who, {})).toMatchObject({ ok: true, callerPass: null })
    const pass = await passOf('wx-m1')
    await cloud.db
      .collection(MEMBERS)
      .doc('m1')
      .update({ data: { roles: ['member', 'leader'] } })
    // Refused on the pass's roles, then decided on the record: the new leader sees their group's week.
    const { result } = await withPass(getGroupWeek, 'wx-m1', pass)
    expect(result).toMatchObject({ ok: true, callerPass: null, data: { group: { _id: 'group-1' } } })
    // A plain member is still refused, after the record says so too.
    const other = await passOf('wx-t1')
    expect((await withPass(getGroupWeek, 'wx-t1', other)).result).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('changing one’s own profile drops the pass: the next call shows the change', async () => {
    const pass = await passOf('wx-m1')
    const { result } = await withPass(updateProfile, 'wx-m1', pass, { displayName: '小李' })
    expect(result).toMatchObject({ ok: true, callerPass: null, data: { displayName: '小李' } })
    expect(await cloud.call(getMe, 'wx-m1', {})).toMatchObject({ ok: true, data: { displayName: '小李' }, callerPass: expect.any(String) })
  })

  it('bad input with a pass is refused as without one, and writes nothing', async () => {
    const pass = await passOf('wx-m1')
    const { result, trips } = await withPass(updateProfile, 'wx-m1', pass, { displayName: 42 })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(trips.filter((t) => !t.startsWith('get '))).toEqual([])
  })
})
