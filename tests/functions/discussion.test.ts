import { readFileSync } from 'node:fs'
import path from 'node:path'
import { checkIn } from '../../server/actions/checkIn'
import { deleteReply } from '../../server/actions/deleteReply'
import { editReply } from '../../server/actions/editReply'
import { featureReply } from '../../server/actions/featureReply'
import { getPrompt } from '../../server/actions/getPrompt'
import { getThread } from '../../server/actions/getThread'
import { hideReply } from '../../server/actions/hideReply'
import { likeReply } from '../../server/actions/likeReply'
import { listAudit } from '../../server/actions/listAudit'
import { listPrompts } from '../../server/actions/listPrompts'
import { listReplies } from '../../server/actions/listReplies'
import { postReply } from '../../server/actions/postReply'
import { register } from '../../server/actions/register'
import { recordSubscription } from '../../server/actions/recordSubscription'
import { savePrompt } from '../../server/actions/savePrompt'
import { setPromptState } from '../../server/actions/setPromptState'
import { updateProfile } from '../../server/actions/updateProfile'
import { CHECKINS } from '../../server/checkin'
import { domainOf } from '../../types/actions'
import { PROMPTS, REPLIES, REPLY_LIKES } from '../../server/discussion/docs'
import { Clock, createLocalPlatform } from '../../server/local-platform'
import { MEMBERS } from '../../server/members'
import { NOTIFICATIONS } from '../../server/notify/notify'
import { installPlatform } from '../../server/platform'
import { ContentCheckUnavailable, type ContentChecker } from '../../server/security/content-check'
import { RATE_LIMITS } from '../../server/security/rate-limit'
import { REPLIES_PAGE_SIZE, type ActionOutput, type Reply } from '../../types'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { recordTrips, stopper, withRoundTrips } from '../support/interrupt'
import { ok } from '../support/study'

// Monday 2026-11-23, 10:00 in Shanghai.
const MONDAY_10AM = '2026-11-23T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(MONDAY_10AM)
  await cloud.addCast()
})
afterEach(() => cloud.close())

const as = (who: string) => `wx-${who}`
const PROMPT = { title: '学习二十届四中全会精神的体会', body: '请结合本职工作，谈谈你的学习体会。' }

async function post(who = 'lead1', fields: Record<string, unknown> = {}) {
  return ok(await cloud.call(savePrompt, as(who), { ...PROMPT, ...fields }))
}

async function reply(who: string, promptId: string, body: string, parentId?: string): Promise<Reply> {
  return ok(await cloud.call(postReply, as(who), { promptId, body, ...(parentId ? { parentId } : {}) }))
}

/** Moves the clock on, so each post gets its own rate-limit window. */
const later = (minutes: number) => cloud.clock.fix(new Date(cloud.clock.now().getTime() + minutes * 60_000))

describe('posting a prompt', () => {
  it('a leader posts to their group; its members are told through the notification service', async () => {
    const prompt = await post('lead1', { closesOn: '2026-11-30', link: { kind: 'article', id: 'article-1', title: '全会公报' } })
    expect(prompt).toMatchObject({
      groupId: 'group-1',
      title: PROMPT.title,
      body: PROMPT.body,
      status: 'open',
      pinned: false,
      closesOn: '2026-11-30',
      link: { kind: 'article', id: 'article-1', title: '全会公报' },
      authorName: '王组长',
      editedAt: null,
      replyCount: 0,
      participantCount: 0,
      canReply: true,
      canModerate: true,
    })
    // group-1: org, ba1, lead1, m1, t1 are active members; nobody has replied yet.
    expect(prompt.memberCount).toBe(5)
    expect(prompt.notYet.map((p) => p.name).sort()).toEqual(['吴支部', '周组织', '李党员', '王组长', '赵一'].sort())

    const sent = (await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.templateKey === 'groupPrompt')
    expect(sent.map((n) => n.memberId).sort()).toEqual(['ba1', 'm1', 'org', 't1'])
    expect(sent[0]).toMatchObject({ key: expect.stringContaining(prompt._id), page: expect.stringContaining('packageGroup/pages/prompt/index?id=') })
  })

  it('the answer says what became of each member’s notice, and a retry answers the same without sending more', async () => {
    await cloud.call(recordSubscription, as('t1'), { templateKey: 'groupPrompt', accepted: true })
    const first = await post('lead1', { requestKey: 'prompt-key-0001' })
    const byName = (announced: typeof first.announced) => Object.fromEntries((announced ?? []).map((a) => [a.name, a.result]))
    // The leader is not told of his own prompt; only 赵一 had allowed the reminder.
    expect(byName(first.announced)).toEqual({ 赵一: 'sent', 李党员: 'noGrant', 吴支部: 'noGrant', 周组织: 'noGrant' })
    const again = await post('lead1', { requestKey: 'prompt-key-0001' })
    expect(again._id).toBe(first._id)
    expect(byName(again.announced)).toEqual(byName(first.announced))
    expect((await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.result === 'sent')).toHaveLength(1)
    // An edit tells nobody.
    expect(ok(await cloud.call(savePrompt, as('lead1'), { id: first._id, ...PROMPT }))).toMatchObject({ announced: null })
  })

  it('a plain member cannot post; a branch admin posts to another group of the branch', async () => {
    expect(await cloud.call(savePrompt, as('m1'), PROMPT)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const prompt = await post('ba1', { groupId: 'group-2' })
    expect(prompt).toMatchObject({ groupId: 'group-2', memberCount: 1 })
    expect(await allDocs(cloud.db, PROMPTS)).toHaveLength(1)
  })

  it('editing marks the prompt as edited; bad input is refused with nothing written', async () => {
    const prompt = await post()
    later(5)
    const edited = ok(await cloud.call(savePrompt, as('lead1'), { id: prompt._id, title: '修改后的标题', body: PROMPT.body }))
    expect(edited).toMatchObject({ title: '修改后的标题', editedAt: '2026-11-23T02:05:00.000Z' })

    expect(await cloud.call(savePrompt, as('lead1'), { title: '', body: '内容' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '标题不能为空' })
    expect(await cloud.call(savePrompt, as('lead1'), { title: '题目', body: '字'.repeat(2001) })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '讨论内容最多 2000 个字',
    })
    expect(await cloud.call(savePrompt, as('lead1'), { ...PROMPT, closesOn: '2026-11-22' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '截止日期不能早于今天',
    })
    expect(await allDocs(cloud.db, PROMPTS)).toHaveLength(1)
  })

  it('pins, closes, reopens and archives; a prompt past its closing day reads as closed', async () => {
    const prompt = await post('lead1', { closesOn: '2026-11-24' })
    expect(ok(await cloud.call(setPromptState, as('lead1'), { id: prompt._id, pinned: true }))).toMatchObject({ pinned: true })
    expect(ok(await cloud.call(setPromptState, as('lead1'), { id: prompt._id, status: 'closed' }))).toMatchObject({ status: 'closed', canReply: false })
    expect(await cloud.call(postReply, as('m1'), { promptId: prompt._id, body: '结束了还能回复吗' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(ok(await cloud.call(setPromptState, as('lead1'), { id: prompt._id, status: 'open' }))).toMatchObject({ status: 'open' })

    // 2026-11-25 00:00 in Shanghai: the closing day (the 24th) is over.
    cloud.clock.fix(new Date('2026-11-24T16:00:00Z'))
    expect(ok(await cloud.call(getPrompt, as('m1'), { id: prompt._id }))).toMatchObject({ status: 'closed', canReply: false })
    cloud.clock.fix(new Date('2026-11-24T15:59:59Z'))
    expect(ok(await cloud.call(getPrompt, as('m1'), { id: prompt._id }))).toMatchObject({ status: 'open', canReply: true })

    ok(await cloud.call(setPromptState, as('lead1'), { id: prompt._id, status: 'archived' }))
    expect(ok(await cloud.call(listPrompts, as('m1'), {})).items).toEqual([])
    expect(ok(await cloud.call(listPrompts, as('m1'), { archived: true })).items.map((p) => p._id)).toEqual([prompt._id])
    expect(await cloud.call(setPromptState, as('m1'), { id: prompt._id, pinned: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('replies', () => {
  it('members reply, answers stay one level deep, and the prompt counts who took part', async () => {
    const prompt = await post()
    const first = await reply('m1', prompt._id, '要把学习成果转化为工作动力。')
    later(1)
    const answer = await reply('t1', prompt._id, '同意，还要联系实际。', first._id)
    later(1)
    // An answer to an answer joins the same top-level reply.
    const deeper = await reply('m1', prompt._id, '说得好。', answer._id)
    expect(answer.parentId).toBe(first._id)
    expect(deeper.parentId).toBe(first._id)

    const { items } = ok(await cloud.call(listReplies, as('t1'), { promptId: prompt._id }))
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ _id: first._id, authorName: '李党员', mine: false })
    expect(items[0].children.map((c) => c.body)).toEqual(['同意，还要联系实际。', '说得好。'])
    expect(items[0].children[0].mine).toBe(true)

    const seen = ok(await cloud.call(getPrompt, as('lead1'), { id: prompt._id }))
    expect(seen).toMatchObject({ replyCount: 3, participantCount: 2, memberCount: 5 })
    expect(seen.notYet.map((p) => p.name).sort()).toEqual(['吴支部', '周组织', '王组长'].sort())
  })

  it('a reply is at most 2,000 characters, and an answer must belong to the same prompt', async () => {
    const prompt = await post()
    const other = await post('lead1', { title: '另一个讨论题' })
    expect(await cloud.call(postReply, as('m1'), { promptId: prompt._id, body: '学'.repeat(2001) })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '回复最多 2000 个字',
    })
    ok(await cloud.call(postReply, as('m1'), { promptId: prompt._id, body: '学'.repeat(2000) }))
    const elsewhere = await reply('t1', other._id, '在另一个题下')
    expect(await cloud.call(postReply, as('m1'), { promptId: prompt._id, body: '串门', parentId: elsewhere._id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it('likes once each, even when the same like arrives many times at once; unliking takes it back', async () => {
    const prompt = await post()
    const r = await reply('m1', prompt._id, '值得点赞的发言')
    const results = await Promise.all(Array.from({ length: 12 }, () => cloud.call(likeReply, as('t1'), { id: r._id, liked: true })))
    expect(results.map((x) => ok(x))).toEqual(Array.from({ length: 12 }, () => expect.objectContaining({ likeCount: 1, likedByMe: true })))
    // A like is four round trips: the caller, the reply, the like, the count.
    const { result: answer, trips } = await recordTrips(cloud, () => cloud.call(likeReply, as('lead1'), { id: r._id, liked: true }))
    expect(ok(answer)).toMatchObject({ likeCount: 2, likedByMe: true })
    expect(trips).toEqual(['get members', 'get replies', 'add replyLikes', 'end replyLikes'])
    ok(await cloud.call(likeReply, as('ba1'), { id: r._id, liked: true }))

    const { items } = ok(await cloud.call(listReplies, as('t1'), { promptId: prompt._id }))
    expect(items[0]).toMatchObject({ likeCount: 3, likedByMe: true })
    expect(await allDocs(cloud.db, REPLY_LIKES)).toHaveLength(3)

    await Promise.all(Array.from({ length: 5 }, () => cloud.call(likeReply, as('t1'), { id: r._id, liked: false })))
    expect(ok(await cloud.call(listReplies, as('t1'), { promptId: prompt._id })).items[0]).toMatchObject({ likeCount: 2, likedByMe: false })
    expect(await cloud.call(likeReply, as('m1'), { id: r._id, liked: true })).toMatchObject({ ok: false, code: 'CONFLICT', message: '不能给自己的回复点赞' })
  })

  it('opens a prompt’s page in one call that reads the prompt once: the prompt, its replies with their answers and likes, the reminder', async () => {
    const prompt = await post()
    const first = await reply('m1', prompt._id, '第一条回复')
    await reply('t1', prompt._id, '回复第一条', first._id)
    ok(await cloud.call(likeReply, as('t1'), { id: first._id, liked: true }))
    const { result: pageResult, trips } = await recordTrips(cloud, () => cloud.call(getThread, as('t1'), { id: prompt._id }))
    const page = ok(pageResult)
    expect(page.prompt).toMatchObject({ _id: prompt._id, title: prompt.title })
    expect(page.replies.items).toEqual([
      expect.objectContaining({ body: '第一条回复', likeCount: 1, likedByMe: true, children: [expect.objectContaining({ body: '回复第一条', mine: true })] }),
    ])
    expect(page.subscriptions).toEqual([expect.objectContaining({ templateKey: 'groupPrompt' })])
    expect(trips.filter((t) => t === 'get prompts')).toHaveLength(1)
    // The likes counted with the caller's own in one aggregate.
    expect(trips.filter((t) => t.endsWith(' replyLikes'))).toEqual(['end replyLikes'])
  })

  it('counts who took part from the thread’s replies when all are on its first page, else asks the database; both as 讨论题 counts them', async () => {
    const prompt = await post()
    const first = await reply('m1', prompt._id, '第一条回复')
    await reply('t1', prompt._id, '回复第一条', first._id)
    const gone = await reply('ba1', prompt._id, '写错了')
    ok(await cloud.call(deleteReply, as('ba1'), { id: gone._id }))
    const thread = async () => {
      const { result: pageResult, trips } = await recordTrips(cloud, () => cloud.call(getThread, as('t1'), { id: prompt._id }))
      const page = ok(pageResult)
      return { page, counted: trips.includes('end replies') }
    }
    const counts = async () => {
      const { replyCount, participantCount, notYet } = ok(await cloud.call(getPrompt, as('t1'), { id: prompt._id }))
      return { replyCount, participantCount, notYet }
    }
    const small = await thread()
    expect(small.counted).toBe(false)
    expect(small.page.prompt).toMatchObject({ replyCount: 3, participantCount: 3 })
    expect(small.page.prompt).toMatchObject(await counts())
    for (let i = 0; i < REPLIES_PAGE_SIZE; i++) {
      if (i % 5 === 0) later(1)
      await reply('lead1', prompt._id, `第${i}条`)
    }
    const large = await thread()
    expect(large.page.replies.nextCursor).not.toBeNull()
    expect(large.counted).toBe(true)
    expect(large.page.prompt).toMatchObject({ replyCount: 3 + REPLIES_PAGE_SIZE, participantCount: 4 })
    expect(large.page.prompt).toMatchObject(await counts())
  })

  it('counts likes exactly, wherever a like or unlike call stopped and however it was retried', async () => {
    const prompt = await post()
    const r = await reply('m1', prompt._id, '值得点赞的发言')
    const likers = ['t1', 'lead1', 'ba1']
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    for (let stopAt = 1; stopAt <= 8; stopAt++) {
      for (const lost of [false, true]) {
        for (const who of likers) await withRoundTrips(cloud, stopper(stopAt, lost), () => cloud.call(likeReply, as(who), { id: r._id, liked: true }))
        await withRoundTrips(cloud, stopper(stopAt, lost), () => cloud.call(likeReply, as('t1'), { id: r._id, liked: false }))
        const shown = ok(await cloud.call(listReplies, as('t1'), { promptId: prompt._id })).items[0]
        const records = (await allDocs(cloud.db, REPLY_LIKES)).filter((l) => l.replyId === r._id)
        expect({ stopAt, lost, likeCount: shown.likeCount, likedByMe: shown.likedByMe }).toEqual({
          stopAt,
          lost,
          likeCount: records.length,
          likedByMe: records.some((l) => l.memberId === 't1'),
        })
      }
    }
    jest.restoreAllMocks()
    // Retried to the end, every call lands: two likes stay.
    for (const who of likers) ok(await cloud.call(likeReply, as(who), { id: r._id, liked: true }))
    expect(ok(await cloud.call(likeReply, as('t1'), { id: r._id, liked: false }))).toMatchObject({ likeCount: 2, likedByMe: false })
  })

  it('counts replies and who took part exactly, wherever a post stopped and however it was retried', async () => {
    const prompt = await post()
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    for (let stopAt = 1; stopAt <= 12; stopAt++) {
      for (const lost of [false, true]) {
        later(1) // past the posting rate limit
        const requestKey = `post-${stopAt}-${lost}`
        const input = { promptId: prompt._id, body: `第 ${stopAt} 次的发言`, requestKey }
        await withRoundTrips(cloud, stopper(stopAt, lost), () => cloud.call(postReply, as('t1'), input))
        const shown = ok(await cloud.call(getPrompt, as('lead1'), { id: prompt._id }))
        const stored = await allDocs(cloud.db, REPLIES)
        expect({ stopAt, lost, replies: shown.replyCount, took: shown.participantCount }).toEqual({
          stopAt,
          lost,
          replies: stored.length,
          took: new Set(stored.map((r) => r.authorId)).size,
        })
        // The retry lands the reply once.
        ok(await cloud.call(postReply, as('t1'), input))
      }
    }
    jest.restoreAllMocks()
    const shown = ok(await cloud.call(getPrompt, as('lead1'), { id: prompt._id }))
    expect(shown).toMatchObject({ replyCount: 24, participantCount: 1 })
    expect(shown.notYet.map((m) => m._id)).not.toContain('t1')
  })

  it('the author edits (marked 已编辑) or deletes their reply; the record stays for the audit', async () => {
    const prompt = await post()
    const r = await reply('m1', prompt._id, '初稿')
    later(3)
    expect(ok(await cloud.call(editReply, as('m1'), { id: r._id, body: '修改稿' }))).toMatchObject({ body: '修改稿', editedAt: '2026-11-23T02:03:00.000Z' })
    expect(await cloud.call(editReply, as('t1'), { id: r._id, body: '改别人的' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(deleteReply, as('t1'), { id: r._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    expect(ok(await cloud.call(deleteReply, as('m1'), { id: r._id }))).toMatchObject({ status: 'deleted', body: '该回复已删除' })
    const listed = ok(await cloud.call(listReplies, as('t1'), { promptId: prompt._id })).items
    expect(listed[0]).toMatchObject({ _id: r._id, status: 'deleted', body: '该回复已删除' })
    const [stored] = await allDocs(cloud.db, REPLIES)
    expect(stored).toMatchObject({ body: '修改稿', status: 'deleted' })
    const audit = ok(await cloud.call(listAudit, as('ba1'), { targetId: r._id })).items
    expect(audit).toEqual([expect.objectContaining({ action: 'reply.delete', actorName: '李党员', targetName: '李党员：修改稿', before: { body: '修改稿' } })])
    expect(await cloud.call(editReply, as('m1'), { id: r._id, body: '复活' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    // Still counted as having taken part.
    expect(ok(await cloud.call(getPrompt, as('m1'), { id: prompt._id }))).toMatchObject({ participantCount: 1, replyCount: 1 })
  })

  it('a leader features a reply (it moves to the top) and hides one with a reason; both are audited', async () => {
    const prompt = await post()
    const older = await reply('m1', prompt._id, '较早的回复')
    later(1)
    const newer = await reply('t1', prompt._id, '较新的回复')
    expect(await cloud.call(featureReply, as('m1'), { id: older._id, featured: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    expect(ok(await cloud.call(featureReply, as('lead1'), { id: older._id, featured: true }))).toMatchObject({ featured: true })
    expect(ok(await cloud.call(listReplies, as('m1'), { promptId: prompt._id })).items.map((r) => r._id)).toEqual([older._id, newer._id])

    later(1)
    expect(await cloud.call(hideReply, as('lead1'), { id: newer._id, reason: '' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '隐藏理由不能为空',
    })
    expect(ok(await cloud.call(hideReply, as('lead1'), { id: newer._id, reason: '与讨论无关' }))).toMatchObject({
      status: 'hidden',
      body: '该回复已被隐藏',
      hiddenReason: '与讨论无关',
    })
    expect(await cloud.call(likeReply, as('m1'), { id: newer._id, liked: true })).toMatchObject({ ok: false, code: 'CONFLICT' })

    const audit = ok(await cloud.call(listAudit, as('ba1'), {})).items
    expect(audit.map((a) => a.action)).toEqual(['reply.hide', 'reply.feature'])
    expect(audit[0]).toMatchObject({
      actorName: '王组长',
      targetType: 'reply',
      targetName: '赵一：较新的回复',
      before: { body: '较新的回复' },
      after: { reason: '与讨论无关', title: PROMPT.title },
    })
    // The other branch's admin does not see this group's log.
    expect(ok(await cloud.call(listAudit, as('ba2'), {})).items).toEqual([])
  })
})

describe('visibility across groups and branches', () => {
  it('only the group and the admins above it read or write its discussion; guessed ids are FORBIDDEN', async () => {
    const prompt = await post()
    const r = await reply('m1', prompt._id, '组内发言')
    for (const who of ['t2', 't3', 'ba2']) {
      expect(await cloud.call(getPrompt, as(who), { id: prompt._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.call(listReplies, as(who), { promptId: prompt._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.call(postReply, as(who), { promptId: prompt._id, body: '我也来说两句' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.call(likeReply, as(who), { id: r._id, liked: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.call(listPrompts, as(who), { groupId: 'group-1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      // Their own group's list does not include it.
      expect(ok(await cloud.call(listPrompts, as(who), {})).items).toEqual([])
    }
    for (const who of ['ba1', 'org']) {
      expect(ok(await cloud.call(getPrompt, as(who), { id: prompt._id }))).toMatchObject({ _id: prompt._id, canModerate: true })
    }
    expect(await cloud.call(getPrompt, as('m1'), { id: 'prompt-nonexistent' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await allDocs(cloud.db, REPLIES)).toHaveLength(1)
  })
})

/** Every kind of user-written text, with a call that writes it and the collection it would land in. */
const TEXT_KINDS = [
  {
    kind: 'prompt title',
    write: (text: string) => cloud.call(savePrompt, as('lead1'), { title: text, body: '正文' }),
    stored: async () => (await allDocs(cloud.db, PROMPTS)).length,
  },
  {
    kind: 'prompt body',
    write: (text: string) => cloud.call(savePrompt, as('lead1'), { title: '题目', body: text }),
    stored: async () => (await allDocs(cloud.db, PROMPTS)).length,
  },
  {
    kind: 'reply',
    prepare: () => post(),
    write: async (text: string) => {
      const [p] = await allDocs(cloud.db, PROMPTS)
      return cloud.call(postReply, as('m1'), { promptId: p._id, body: text })
    },
    stored: async () => (await allDocs(cloud.db, REPLIES)).length,
  },
  {
    kind: 'edited reply',
    prepare: async () => {
      const p = await post()
      await reply('m1', p._id, '原来的回复')
    },
    write: async (text: string) => {
      const [r] = await allDocs(cloud.db, REPLIES)
      return cloud.call(editReply, as('m1'), { id: r._id, body: text })
    },
    stored: async () => ((await allDocs(cloud.db, REPLIES))[0].body === '原来的回复' ? 0 : 1),
  },
  {
    kind: 'hide reason',
    prepare: async () => {
      const p = await post()
      await reply('m1', p._id, '一条回复')
    },
    write: async (text: string) => {
      const [r] = await allDocs(cloud.db, REPLIES)
      return cloud.call(hideReply, as('lead1'), { id: r._id, reason: text.slice(0, 100) })
    },
    stored: async () => ((await allDocs(cloud.db, REPLIES))[0].status === 'hidden' ? 1 : 0),
  },
  {
    kind: 'check-in reflection',
    write: (text: string) => cloud.call(checkIn, as('m1'), { reflection: text }),
    stored: async () => (await allDocs(cloud.db, CHECKINS)).length,
  },
  {
    kind: 'display name',
    write: (text: string) => cloud.call(updateProfile, as('m1'), { displayName: text.slice(0, 20) }),
    stored: async () => ((await allDocs(cloud.db, MEMBERS)).find((m) => m._id === 'm1')?.displayName ? 1 : 0),
  },
  {
    kind: 'registration name',
    prepare: () => cloud.addInvitation({ _id: 'XXQGAAAA' }),
    // A name is Chinese characters only: the punctuation of the sample texts is left out.
    write: (text: string) => cloud.call(register, 'wx-newcomer', { name: text.replace(/[，。\s]/g, '').slice(0, 20), code: 'XXQGAAAA' }),
    stored: async () => (await allDocs(cloud.db, MEMBERS)).filter((m) => m.openid === 'wx-newcomer').length,
  },
]

describe('content security', () => {
  it.each(TEXT_KINDS.map((k) => [k.kind, k] as const))('%s: flagged text is refused and nothing is stored', async (_kind, k) => {
    await k.prepare?.()
    expect(await k.write('这段话里有违禁词')).toEqual({ ok: false, code: 'INVALID_INPUT', message: '内容含有不适宜发布的信息，请修改后再提交' })
    expect(await k.stored()).toBe(0)
    // The same kind of text without it goes through.
    expect(await k.write('认真学习，联系实际')).toMatchObject({ ok: true })
  })

  it.each(TEXT_KINDS.map((k) => [k.kind, k] as const))('%s: when the checker fails, the write is refused and nothing is stored', async (_kind, k) => {
    await k.prepare?.()
    const down: ContentChecker = {
      check: async () => {
        throw new ContentCheckUnavailable('-1 system error')
      },
    }
    installPlatform(createLocalPlatform(cloud.db, cloud.clock, { contentCheck: down }))
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await k.write('认真学习，联系实际')).toEqual({ ok: false, code: 'UNAVAILABLE', message: '内容安全检查暂时不可用，没有保存，请稍后再试' })
    } finally {
      errors.mockRestore()
    }
    expect(await k.stored()).toBe(0)
  })

  it('checks each text as its writer, in the scene of its kind', async () => {
    const seen: string[] = []
    const recording: ContentChecker = {
      check: async ({ openid, scene, text }) => {
        seen.push(`${openid} ${scene} ${text}`)
        return 'pass'
      },
    }
    installPlatform(createLocalPlatform(cloud.db, cloud.clock, { contentCheck: recording }))
    const p = await post('lead1', { title: '题', body: '文' })
    await reply('m1', p._id, '答')
    ok(await cloud.call(checkIn, as('t1'), { reflection: '悟' }))
    ok(await cloud.call(updateProfile, as('t1'), { displayName: '名' }))
    expect(seen).toEqual(['wx-lead1 forum 题', 'wx-lead1 forum 文', 'wx-m1 comment 答', 'wx-t1 log 悟', 'wx-t1 profile 名'])
  })

  it('every function that stores members’ text may call msgSecCheck in WeChat cloud (config.json openapi permission)', () => {
    for (const action of ['register', 'updateProfile', 'checkIn', 'savePrompt', 'postReply', 'editReply', 'hideReply'] as const) {
      const name = domainOf(action)
      const config = JSON.parse(readFileSync(path.join(__dirname, '../../cloudfunctions', String(name), 'config.json'), 'utf8'))
      expect([name, config.permissions.openapi]).toEqual([name, expect.arrayContaining(['security.msgSecCheck'])])
    }
  })

  it('the local word list comes from CONTENT_BLOCKLIST', async () => {
    const saved = process.env.CONTENT_BLOCKLIST
    process.env.CONTENT_BLOCKLIST = '打麻将、Spam'
    try {
      installPlatform(createLocalPlatform(cloud.db, new Clock()))
      expect(await cloud.call(checkIn, as('m1'), { reflection: '周末去打 麻将' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(await cloud.call(checkIn, as('m1'), { reflection: 'no SPAM please' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      // The default words no longer apply.
      expect(await cloud.call(checkIn, as('m1'), { reflection: '违禁词' })).toMatchObject({ ok: true })
    } finally {
      if (saved === undefined) delete process.env.CONTENT_BLOCKLIST
      else process.env.CONTENT_BLOCKLIST = saved
    }
  })
})

describe('rate limit', () => {
  it('a burst of replies gets 发得太快了 after five a minute; the next minute is open again', async () => {
    const p = await post()
    const burst = await Promise.all(Array.from({ length: 9 }, (_, i) => cloud.call(postReply, as('m1'), { promptId: p._id, body: `第${i}条` })))
    expect(burst.filter((r) => r.ok)).toHaveLength(5)
    expect(burst.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 4 }, () => ({ ok: false, code: 'RATE_LIMITED', message: '发得太快了，请休息一会儿，一分钟后再发' })),
    )
    expect(await allDocs(cloud.db, REPLIES)).toHaveLength(5)
    // Someone else is not slowed down; their first post of a minute writes its window once, holding its slot.
    const { result: first, trips } = await recordTrips(cloud, () => cloud.call(postReply, as('t1'), { promptId: p._id, body: '我的第一条' }))
    expect(first).toMatchObject({ ok: true })
    expect(trips.filter((t) => t.endsWith(' rateLimits'))).toEqual(['add rateLimits'])
    // The member is read once: the caller is the author the reply scores.
    expect(trips.filter((t) => t === 'get members')).toEqual(['get members'])
    later(1)
    expect(await cloud.call(postReply, as('m1'), { promptId: p._id, body: '一分钟后' })).toMatchObject({ ok: true })
    const windows = (await allDocs(cloud.db, RATE_LIMITS)).filter((w) => w.memberId === 'm1')
    expect(windows.map((w) => w.count)).toEqual([5, 1])
  })

  it('retries of one post answer the stored reply and hold one slot; a refused post holds none', async () => {
    const p = await post()
    const input = { promptId: p._id, body: '同一条回复', requestKey: 'retry-key-0001' }
    const retries = await Promise.all(Array.from({ length: 100 }, () => cloud.call(postReply, as('m1'), input)))
    expect(retries.filter((r) => !r.ok)).toEqual([])
    expect(new Set(retries.map((r) => r.ok && r.data._id)).size).toBe(1)
    // Refused by the content check: no slot taken, four left in the window for new posts.
    expect(await cloud.call(postReply, as('m1'), { promptId: p._id, body: '违禁词' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const more = await Promise.all(Array.from({ length: 5 }, (_, i) => cloud.call(postReply, as('m1'), { promptId: p._id, body: `新的第${i}条` })))
    expect(more.filter((r) => r.ok)).toHaveLength(4)
    expect(more.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['RATE_LIMITED'])
    expect(await allDocs(cloud.db, REPLIES)).toHaveLength(5)
    expect((await allDocs(cloud.db, RATE_LIMITS)).filter((w) => w.memberId === 'm1').map((w) => w.count)).toEqual([5])
  })
})

describe('cursor pagination', () => {
  /** Walks every page, inserting while it goes; answers the ids in order. */
  async function walk<T extends { _id: string }>(load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>, between: () => Promise<void>) {
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await load(cursor)
      seen.push(...page.items.map((i) => i._id))
      cursor = page.nextCursor ?? undefined
      await between()
    } while (cursor)
    return seen
  }

  it('prompts: pinned first, then newest first; new prompts arriving meanwhile neither repeat nor shift a page', async () => {
    const ids: string[] = []
    for (let i = 0; i < 45; i++) {
      later(1)
      ids.push((await post('lead1', { title: `讨论题${i}` }))._id)
    }
    ok(await cloud.call(setPromptState, as('lead1'), { id: ids[3], pinned: true }))
    let extra = 0
    const seen = await walk(
      async (cursor) => ok(await cloud.call(listPrompts, as('m1'), cursor ? { cursor } : {})),
      async () => {
        later(1)
        await Promise.all([post('lead1', { title: `新题${extra++}` }), post('ba1', { title: `新题${extra++}` })])
      },
    )
    const expected = [ids[3], ...ids.filter((id) => id !== ids[3]).reverse()]
    expect(seen).toEqual(expected)
  })

  it('replies: newest first across pages while others keep replying', async () => {
    const p = await post()
    const ids: string[] = []
    for (let i = 0; i < 25; i++) {
      later(1)
      ids.push((await reply(i % 2 ? 'm1' : 't1', p._id, `回复${i}`))._id)
    }
    const seen = await walk(
      async (cursor) => ok(await cloud.call(listReplies, as('m1'), { promptId: p._id, ...(cursor ? { cursor } : {}) })),
      async () => {
        later(1)
        await Promise.all([reply('ba1', p._id, '新来的'), reply('org', p._id, '又一条')])
      },
    )
    expect(seen).toEqual([...ids].reverse())
    expect(await cloud.call(listReplies, as('m1'), { promptId: p._id, cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('what the tab shows', () => {
  it('lists summaries with participation counted among active members only', async () => {
    const p = await post()
    await reply('m1', p._id, '发言')
    await reply('t1', p._id, '发言')
    await cloud.db
      .collection(MEMBERS)
      .doc('t1')
      .update({ data: { status: 'inactive' } })
    const [summary] = ok(await cloud.call(listPrompts, as('m1'), {})).items as ActionOutput<'listPrompts'>['items']
    expect(summary).toMatchObject({ _id: p._id, replyCount: 2, participantCount: 1, excerpt: PROMPT.body })
  })
})

describe('retries', () => {
  it('a reply sent again under the same request key (even at once) is posted once', async () => {
    const p = await post()
    const input = { promptId: p._id, body: '网络不好，我点了好几次', requestKey: 'k-reply-0001' }
    const answers = await Promise.all(Array.from({ length: 4 }, () => cloud.call(postReply, as('m1'), input)))
    const ids = new Set(answers.map((a) => ok(a)._id))
    expect(ids.size).toBe(1)
    later(1)
    expect(ok(await cloud.call(postReply, as('m1'), input))._id).toBe([...ids][0])
    expect(await allDocs(cloud.db, REPLIES)).toHaveLength(1)
    expect(ok(await cloud.call(getPrompt, as('m1'), { id: p._id }))).toMatchObject({ replyCount: 1, participantCount: 1 })
    // Another key is another reply.
    ok(await cloud.call(postReply, as('m1'), { ...input, requestKey: 'k-reply-0002' }))
    expect(await allDocs(cloud.db, REPLIES)).toHaveLength(2)
  })

  it('a prompt posted again under the same key is one prompt, announced once', async () => {
    const first = await post('lead1', { requestKey: 'k-prompt-0001' })
    later(1)
    const again = await post('lead1', { requestKey: 'k-prompt-0001' })
    expect(again._id).toBe(first._id)
    expect(await allDocs(cloud.db, PROMPTS)).toHaveLength(1)
    expect((await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.templateKey === 'groupPrompt')).toHaveLength(4)
  })

  it('a refused first attempt stores nothing; fixed and sent again under its key, it is posted', async () => {
    const p = await post()
    const refused = await cloud.call(postReply, as('m1'), { promptId: p._id, body: '含违禁词', requestKey: 'k-reply-0003' })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await allDocs(cloud.db, REPLIES)).toHaveLength(0)
    expect(ok(await cloud.call(postReply, as('m1'), { promptId: p._id, body: '改好了', requestKey: 'k-reply-0003' }))).toMatchObject({ body: '改好了' })
  })
})

describe('reopening', () => {
  it('a prompt reopened after its closing day opens with no closing day', async () => {
    const p = await post('lead1', { closesOn: '2026-11-23' })
    cloud.clock.fix(new Date('2026-11-23T16:00:00Z'))
    expect(ok(await cloud.call(getPrompt, as('m1'), { id: p._id }))).toMatchObject({ status: 'closed' })
    expect(ok(await cloud.call(setPromptState, as('lead1'), { id: p._id, status: 'open' }))).toMatchObject({ status: 'open', closesOn: null, canReply: true })
  })
})
