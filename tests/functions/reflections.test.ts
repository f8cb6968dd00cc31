import { listReflections } from '../../server/actions/listReflections'
import { reviewReflection } from '../../server/actions/reviewReflection'
import { submitReflection } from '../../server/actions/submitReflection'
import { reconcileScores } from '../../cloudfunctions/reconcileScores'
import { REFLECTIONS } from '../../server/reflections/reflections'
import * as ledger from '../../server/scoring/ledger'
import { SCORE_ENTRIES } from '../../server/scoring/ledger'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addPublishedArticle, ok } from '../support/study'

// Wednesday 2026-11-25, 10:00 in Beijing.
let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-25T02:00:00Z')
  await cloud.addCast()
  await addPublishedArticle(cloud, 'a1', { title: '读原著要慢下来' })
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const BODY = '读了这篇文章，我体会到读原著不能图快。以前我总是一口气读完，只记住几个标题；这周我一段一段地读，每段停下来问自己讲了什么，收获大了很多。'
const write = (member: string, key: string, body = BODY) =>
  cloud.call(submitReflection, `wx-${member}`, { target: { kind: 'article', id: 'a1' }, body, requestKey: key })
const review = (who: string, input: Record<string, unknown>) => cloud.call(reviewReflection, `wx-${who}`, input)
const points = async (memberId: string) => (await allDocs(cloud.db, SCORE_ENTRIES)).filter((e) => e.kind === 'reflection' && e.memberId === memberId)

describe('writing', () => {
  it('stores a reflection on a published article as pending; a retry with the same key stores one', async () => {
    const first = ok(await write('m1', 'reflection-01'))
    expect(first).toMatchObject({
      memberName: '李党员',
      target: { kind: 'article', id: 'a1', title: '读原著要慢下来' },
      status: 'pending',
      featured: false,
      comment: null,
    })
    expect(ok(await write('m1', 'reflection-01'))).toEqual(first)
    expect(await allDocs(cloud.db, REFLECTIONS)).toHaveLength(1)
  })

  it.each([
    ['shorter than 50 characters', { body: '很有收获。' }, 'INVALID_INPUT', '心得至少写 50 个字'],
    ['a flagged word', { body: `${BODY}违禁词` }, 'INVALID_INPUT', '内容含有不适宜发布的信息，请修改后再提交'],
    ['an article that is not out', { target: { kind: 'article', id: 'none' } }, 'NOT_FOUND', '没有找到这篇文章'],
    ['a target of no kind', { target: { kind: 'video', id: 'a1' } }, 'INVALID_INPUT', '心得应写给一本书、一篇文章、一周的学习清单或一次会议'],
  ])('refuses %s, storing nothing', async (_what, over, code, message) => {
    const input = { target: { kind: 'article', id: 'a1' }, body: BODY, requestKey: 'reflection-02', ...over }
    expect(await cloud.call(submitReflection, 'wx-m1', input)).toEqual({ ok: false, code, message })
    expect(await allDocs(cloud.db, REFLECTIONS)).toHaveLength(0)
  })
})

describe('reviewing', () => {
  it('a leader approves and features it: points once, 精选 for the group, the state for the writer', async () => {
    const mine = ok(await write('m1', 'reflection-03'))
    expect(await review('m1', { id: mine._id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const approved = ok(await review('lead1', { id: mine._id, decision: 'approve', featured: true, comment: '写得实在' }))
    expect(approved).toMatchObject({ status: 'approved', featured: true, comment: '写得实在', reviewerName: '王组长' })
    ok(await review('lead1', { id: mine._id, decision: 'approve', featured: true }))
    expect(await points('m1')).toHaveLength(1)
    // The group sees its 精选; the writer sees every one of theirs with its state.
    expect(ok(await cloud.call(listReflections, 'wx-t1', { scope: 'group' })).items.map((r) => r._id)).toEqual([mine._id])
    expect(ok(await cloud.call(listReflections, 'wx-m1', { scope: 'mine' })).items.map((r) => r.status)).toEqual(['approved'])
    // Un-featured, it leaves the group's list but keeps its point.
    ok(await review('lead1', { id: mine._id, decision: 'approve', featured: false }))
    expect(ok(await cloud.call(listReflections, 'wx-t1', { scope: 'group' })).items).toEqual([])
    expect(await points('m1')).toHaveLength(1)
  })

  it('returns one with a comment (required), which then cannot be approved; a member of another group is nobody’s reviewer', async () => {
    const mine = ok(await write('m1', 'reflection-04'))
    expect(await review('lead1', { id: mine._id, decision: 'return' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '退回时请写一句意见，告诉同志怎样改',
    })
    expect(ok(await review('lead1', { id: mine._id, decision: 'return', comment: '再结合一件具体的工作写写' }))).toMatchObject({
      status: 'returned',
      comment: '再结合一件具体的工作写写',
    })
    expect(await review('lead1', { id: mine._id, decision: 'approve' })).toEqual({ ok: false, code: 'CONFLICT', message: '心得已退回，等同志修改后重新提交' })
    expect(await review('t3', { id: mine._id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(ok(await cloud.call(listReflections, 'wx-lead1', { scope: 'group', status: 'returned' })).items.map((r) => r._id)).toEqual([mine._id])
    expect(await points('m1')).toHaveLength(0)
  })

  it('scores an approval whose call stopped before its point in the nightly reconciliation', async () => {
    const mine = ok(await write('m1', 'reflection-05'))
    jest.spyOn(ledger, 'recordScore').mockRejectedValueOnce(new Error('network'))
    expect(await review('lead1', { id: mine._id, decision: 'approve' })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await points('m1')).toHaveLength(0)
    cloud.clock.fix(new Date('2026-11-25T18:30:00Z'))
    ok(await cloud.call(reconcileScores, undefined, { Type: 'Timer' }))
    expect((await points('m1')).map((e) => e.day)).toEqual(['2026-11-25'])
  })
})
