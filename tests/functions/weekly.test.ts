import { getMyWeekly } from '../../server/actions/getMyWeekly'
import { recordSubscription } from '../../server/actions/recordSubscription'
import { moveMember } from '../../server/actions/moveMember'
import { reactivateMember } from '../../server/actions/reactivateMember'
import { register as registerMember } from '../../server/actions/register'
import { postReply } from '../../server/actions/postReply'
import { savePrompt } from '../../server/actions/savePrompt'
import { getWeeklyList } from '../../server/actions/getWeeklyList'
import { getWeeklyProgress } from '../../server/actions/getWeeklyProgress'
import { listMyWeeks } from '../../server/actions/listMyWeeks'
import { listWeeklyLists } from '../../server/actions/listWeeklyLists'
import { saveWeeklyList } from '../../server/actions/saveWeeklyList'
import { scheduleWeeklyList } from '../../server/actions/scheduleWeeklyList'
import { weeklyDistribute } from '../../cloudfunctions/weeklyDistribute'
import { weeklyRemind } from '../../cloudfunctions/weeklyRemind'
import { AUDIT } from '../../server/audit'
import { MEMBERS } from '../../server/members'
import { SCORE_ENTRIES } from '../../server/scoring/ledger'
import { NOTIFICATIONS, type NotificationDoc } from '../../server/notify/notify'
import { distributeList } from '../../server/weekly/distribute'
import { WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type WeeklyListDoc } from '../../server/weekly/docs'
import { weeklyLinkId } from '../../types'
import { allDocs, type TestCloud } from '../support/cloud'
import { countingMessenger, recordTrips, runInterrupted } from '../support/interrupt'
import { ok } from '../support/study'
import { completeReading, grant, MONDAY_8, openWeeklyCloud, scheduledList, WEEK, weeklyInput } from '../support/weekly'

// Friday 2026-11-20 10:00 in Beijing: an admin prepares next week's list.
const FRIDAY = '2026-11-20T02:00:00Z'
/** Who branch-1 is in the cast: the list below targets it. */
const BRANCH_1 = ['ba1', 'lead1', 'm1', 'org', 't1', 't2']

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openWeeklyCloud(FRIDAY)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const fire = () => cloud.call(weeklyDistribute, undefined, { Type: 'Timer' })
const at = (iso: string) => cloud.clock.fix(new Date(iso))
/** Every member holding a publication (read 1,000 at a time). */
async function assignments(): Promise<string[]> {
  const ids: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const { data } = await cloud.db.collection(WEEKLY_ASSIGNMENTS).orderBy('_id', 'asc').skip(skip).limit(1000).get()
    ids.push(...data.map((a) => String(a.memberId)))
    if (data.length < 1000) return ids.sort()
  }
}

describe('composing a list', () => {
  it('saves a draft with the items’ titles, a 30-minute target by default, for the whole organisation', async () => {
    const list = ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput()))
    expect((await allDocs(cloud.db, AUDIT)).map((e) => [e.action, e.targetName])).toEqual([['weekly.create', '2026-11-23 起一周的学习清单']])
    expect(list).toMatchObject({
      week: WEEK,
      status: 'draft',
      targetMinutes: 30,
      audience: '全体党员',
      publishAt: '2026-11-23T00:00:00.000Z',
      publishedTo: null,
    })
    expect(list.items.map((i) => [i.key, i.kind, i.title, i.required])).toEqual([
      ['i1', 'article', '学习党章', true],
      ['i2', 'chapter', '第1章', true],
      ['i3', 'article', '选读文章', false],
      ['i4', 'link', '学习强国专题', false],
    ])
    expect(list.items[1].bookTitle).toBe('必读书')
  })

  it('edits a draft and a scheduled list; a published one is refused', async () => {
    const list = await scheduledList(cloud, { branchIds: ['branch-1'] })
    const edited = ok(
      await cloud.call(saveWeeklyList, 'wx-org', weeklyInput({ id: list._id, intro: '改过的导语', targetMinutes: 45, branchIds: ['branch-1'] })),
    )
    expect(edited).toMatchObject({ _id: list._id, intro: '改过的导语', targetMinutes: 45, status: 'scheduled', audience: '第一党支部' })

    at(MONDAY_8)
    expect(await fire()).toMatchObject({ ok: true })
    expect(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput({ id: list._id, intro: '再改' }))).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await cloud.call(scheduleWeeklyList, 'wx-org', { id: list._id, scheduled: false })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(ok(await cloud.call(getWeeklyList, 'wx-org', { id: list._id })).intro).toBe('改过的导语')
  })

  it.each([
    ['a required link', { items: [{ kind: 'link', title: '外链', url: 'https://example.org', required: true }] }, '链接材料无法统计完成情况，只能设为选学'],
    ['no required item', { items: [{ kind: 'article', refId: 'wk-a2', required: false }] }, '请至少设置一项必学内容'],
    ['a week not starting on Monday', { week: '2026-11-24' }, '每周一学的周次应以周一的日期表示'],
    ['a past week', { week: '2026-11-09' }, '这一周已经过去，请选择本周或以后的周次'],
    [
      'a link that is not https',
      {
        items: [
          { kind: 'article', refId: 'wk-a1', required: true },
          { kind: 'link', title: '外链', url: 'http://example.org', required: false },
        ],
      },
      '链接应以 https:// 开头',
    ],
    ['an unpublished article', { items: [{ kind: 'article', refId: 'missing', required: true }] }, '第 1 项：只能选择已发布的文章'],
    ['an unknown branch', { branchIds: ['branch-9'] }, '所选党支部不存在'],
  ])('refuses %s with a clear message and writes nothing', async (_what, over, message) => {
    const result = await cloud.call(saveWeeklyList, 'wx-org', { ...weeklyInput(), ...over })
    expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message })
    expect(await allDocs(cloud.db, WEEKLY_LISTS)).toEqual([])
  })

  it('gives each member one list a week: lists of a week may not share a branch', async () => {
    ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput({ branchIds: ['branch-1'] })))
    expect(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput())).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('第一党支部'),
    })
    ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput({ branchIds: ['branch-2'] })))
  })

  it('lists every list, newest week first, a page at a time', async () => {
    for (const week of ['2026-11-23', '2026-12-07', '2026-11-30']) ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput({ week })))
    const page = ok(await cloud.call(listWeeklyLists, 'wx-org', {}))
    expect(page.items.map((l) => l.week)).toEqual(['2026-12-07', '2026-11-30', '2026-11-23'])
    expect(page.nextCursor).toBeNull()
  })
})

describe('distribution (Monday 08:00 Beijing time)', () => {
  it('publishes nothing before 08:00, then the scheduled list to every active member of its branches', async () => {
    const list = await scheduledList(cloud, { branchIds: ['branch-1'] })
    await cloud.db
      .collection(MEMBERS)
      .doc('t2')
      .update({ data: { status: 'inactive' } })
    at('2026-11-22T23:59:59Z')
    // 07:59:59 on Monday in Beijing: the week has begun, its list is not out yet.
    expect(await fire()).toEqual({ ok: true, data: { week: WEEK, lists: [] } })
    expect(await assignments()).toEqual([])

    at(MONDAY_8)
    expect(await fire()).toMatchObject({ ok: true, data: { week: WEEK, lists: [{ listId: list._id, published: 5, publishedTo: 5 }] } })
    expect(await assignments()).toEqual(BRANCH_1.filter((m) => m !== 't2'))
    expect(ok(await cloud.call(getWeeklyList, 'wx-org', { id: list._id }))).toMatchObject({ status: 'published', publishedTo: 5 })
  })

  it('a draft is not published; a list scheduled after its Monday 08:00 goes out at once', async () => {
    const draft = ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput()))
    at(MONDAY_8)
    expect(await fire()).toMatchObject({ ok: true, data: { lists: [] } })
    at('2026-11-24T02:00:00Z')
    expect(ok(await cloud.call(scheduleWeeklyList, 'wx-org', { id: draft._id, scheduled: true }))).toMatchObject({ status: 'published', publishedTo: 8 })
    expect(await assignments()).toHaveLength(8)
  })

  it('a list stopped half-way when scheduled late is finished by 定稿 again', async () => {
    const draft = ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput()))
    at('2026-11-24T02:00:00Z')
    // The first 定稿 went out to nobody yet: stopped right after marking the list published.
    await cloud.db
      .collection(WEEKLY_LISTS)
      .doc(draft._id)
      .update({ data: { status: 'published' } })
    expect(ok(await cloud.call(scheduleWeeklyList, 'wx-org', { id: draft._id, scheduled: true }))).toMatchObject({ status: 'published', publishedTo: 8 })
    expect(await cloud.call(scheduleWeeklyList, 'wx-org', { id: draft._id, scheduled: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('tells only the members who asked; a second run publishes and tells nobody again', async () => {
    await scheduledList(cloud)
    await grant(cloud, 'm1', 'weeklyList', 2)
    await grant(cloud, 't3', 'weeklyList', 1)
    at(MONDAY_8)
    expect(await fire()).toMatchObject({ ok: true, data: { lists: [{ published: 8, notifications: { sent: 2 } }] } })
    expect(await fire()).toMatchObject({ ok: true, data: { lists: [] } })
    const sends = (await allDocs(cloud.db, NOTIFICATIONS)) as unknown as NotificationDoc[]
    expect(sends.map((n) => [n.memberId, n.templateKey, n.result, n.page]).sort()).toEqual([
      ['m1', 'weeklyList', 'sent', 'pages/weekly/index'],
      ['t3', 'weeklyList', 'sent', 'pages/weekly/index'],
    ])
    expect(sends[0].data).toEqual({ title: '本周学习清单已发布', date: WEEK, note: '必学 2 项，学习目标 30 分钟' })
  })

  it('interrupted at random round trips and run again, gives every targeted member exactly one publication and every asker exactly one message', async () => {
    // More members than one batch (1,000) holds, half of them asking for the message.
    for (let i = 0; i < 1030; i++) {
      const _id = `p${String(i).padStart(4, '0')}`
      await cloud.db.collection(MEMBERS).add({
        data: {
          _id,
          openid: `wx-${_id}`,
          name: `党员${i}`,
          groupId: i % 2 ? 'group-1' : 'group-2',
          branchId: 'branch-1',
          roles: ['member'],
          status: 'active',
          largeFont: false,
        },
      })
      if (i % 2 === 0) await grant(cloud, _id, 'weeklyList')
    }
    const list = await scheduledList(cloud, { branchIds: ['branch-1'] })
    at(MONDAY_8)
    const messenger = countingMessenger()
    // A whole run takes about 70 round trips (publications by the hundred, messages twenty at a time):
    // stops within its first 30 fall among the publications and the first slices of messages.
    const { interrupted, result } = await runInterrupted(cloud, weeklyDistribute, { seed: 7, runs: 10, maxStop: 30, messenger })

    expect(interrupted).toBeGreaterThanOrEqual(8)
    expect(result).toMatchObject({ ok: true })
    const targeted = [...BRANCH_1, ...Array.from({ length: 1030 }, (_, i) => `p${String(i).padStart(4, '0')}`)].sort()
    const claimedNotSent = (await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.result === 'sending' && !n.sendingAt)
    if (claimedNotSent.length > 0) {
      // Messages a stopped run claimed and never handed over: within their lease, the list is not finished.
      expect(ok(await cloud.call(getWeeklyList, 'wx-org', { id: list._id })).publishedTo).toBeNull()
    } else expect(await assignments()).toEqual(targeted)
    // The timer fires again ten minutes later: the stale claims are taken over and sent.
    at('2026-11-23T00:10:00Z')
    expect(await cloud.call(weeklyDistribute, undefined, { Type: 'Timer' })).toMatchObject({ ok: true })
    expect(await assignments()).toEqual(targeted)
    expect(ok(await cloud.call(getWeeklyList, 'wx-org', { id: list._id })).publishedTo).toBe(targeted.length)
    const perMember = new Map<string, number>()
    for (const m of messenger.sent) perMember.set(m.touser, (perMember.get(m.touser) ?? 0) + 1)
    expect(Math.max(...perMember.values())).toBe(1)
    expect([...perMember.keys()].every((openid) => Number(openid.slice(4)) % 2 === 0)).toBe(true)
    // Every asker got theirs, except those whose message was handed to WeChat by a stopped run that
    // never learnt the answer: it may have gone out (here it did, or not), so it is not sent again.
    const handedOverUnknown = (await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.result === 'sending' && n.sendingAt).map((n) => `wx-${n.memberId}`)
    expect(new Set([...perMember.keys(), ...handedOverUnknown]).size).toBe(515)
    expect(await fire()).toMatchObject({ ok: true, data: { lists: [] } })
  }, 120_000)
})

it('the timers refuse any call made by a user, whatever their roles', async () => {
  for (const timer of [weeklyDistribute, weeklyRemind]) {
    for (const openid of ['wx-org', 'wx-m1']) expect(await cloud.call(timer, openid, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
})

describe('progress, from what members read', () => {
  beforeEach(async () => {
    await scheduledList(cloud, { branchIds: ['branch-1'], targetMinutes: 1 })
    at(MONDAY_8)
    ok(await fire())
  })

  it('a member sees the list at the top of their week, and progress moves as they read', async () => {
    const before = ok(await cloud.call(getMyWeekly, 'wx-m1', {}))
    expect(before).toMatchObject({ week: WEEK, current: true, list: { requiredDone: 0, requiredCount: 2, finished: false, targetMet: false } })

    await completeReading(cloud, 'm1', 'article', 'wk-a1')
    const after = ok(await cloud.call(getMyWeekly, 'wx-m1', {}))
    expect(after.list?.items.map((i) => i.done)).toEqual([true, false, false, false])
    expect(after.list).toMatchObject({ requiredDone: 1, targetMet: true, finished: false })

    await completeReading(cloud, 'm1', 'chapter', 'wk-book-c1')
    expect(ok(await cloud.call(getMyWeekly, 'wx-m1', {})).list).toMatchObject({ requiredDone: 2, finished: true })
  })

  it('a page refreshing the list it shows reads its progress without publishing it again; a list no longer theirs is not taken for it', async () => {
    const first = ok(await cloud.call(getMyWeekly, 'wx-m1', {})).list!
    await completeReading(cloud, 'm1', 'article', 'wk-a1')
    const { result: refreshedResult, trips } = await recordTrips(cloud, () => cloud.call(getMyWeekly, 'wx-m1', { listId: first.listId }))
    const refreshed = ok(refreshedResult)
    expect(refreshed.list).toMatchObject({ listId: first.listId, requiredDone: 1 })
    expect(trips.filter((t) => t.endsWith(' weeklyAssignments'))).toEqual([])
    // Moved to a branch with another list: the shown one is not theirs, the branch's is published to them.
    const other = await scheduledList(cloud, { branchIds: ['branch-2'], items: [{ kind: 'article', refId: 'wk-a2', required: true }] })
    ok(await cloud.call(moveMember, 'wx-org', { memberId: 'm1', groupId: 'group-3' }))
    expect(ok(await cloud.call(getMyWeekly, 'wx-m1', { listId: first.listId })).list).toMatchObject({ listId: other._id })
    expect((await allDocs(cloud.db, WEEKLY_ASSIGNMENTS)).filter((a) => a.memberId === 'm1')).toEqual([expect.objectContaining({ listId: other._id })])
    // Nor is an id of no list.
    expect(ok(await cloud.call(getMyWeekly, 'wx-m1', { listId: 'no-such-list' })).list).toMatchObject({ listId: other._id })
  })

  it('a reply in the group’s discussion of a prompt linked to an item counts: a link is done, others are marked discussed', async () => {
    const listId = (await allDocs(cloud.db, WEEKLY_LISTS))[0]._id as string
    const linked = async (link: { kind: 'weekly' | 'article'; id: string; title: string }) =>
      ok(await cloud.call(savePrompt, 'wx-lead1', { title: '谈谈体会', body: '读后有什么体会？', link }))._id
    const onLink = await linked({ kind: 'weekly', id: weeklyLinkId(listId, 'i4'), title: '学习强国专题' })
    const onArticle = await linked({ kind: 'article', id: 'wk-a1', title: '学习党章' })
    ok(await cloud.call(postReply, 'wx-m1', { promptId: onLink, body: '专题很有启发。' }))
    ok(await cloud.call(postReply, 'wx-m1', { promptId: onArticle, body: '党章要常读。' }))
    ok(await cloud.call(postReply, 'wx-t1', { promptId: onArticle, body: '我也来说说。' }))

    const m1 = ok(await cloud.call(getMyWeekly, 'wx-m1', {})).list!
    expect(m1.items.map((i) => [i.key, i.done, i.discussed])).toEqual([
      ['i1', false, true],
      ['i2', false, false],
      ['i3', false, false],
      ['i4', true, true],
    ])
    // Discussing is not reading: the required article still waits to be read.
    expect(m1).toMatchObject({ requiredDone: 0, finished: false })
    const group = ok(await cloud.call(getWeeklyProgress, 'wx-lead1', { listId }))
    expect(group.total.itemsDone).toEqual([0, 0, 0, 1])
  })

  it('a prompt started from a group’s progress view (发起讨论, by an admin above the group) counts for that group only', async () => {
    const listId = (await allDocs(cloud.db, WEEKLY_LISTS))[0]._id as string
    const view = ok(await cloud.call(getWeeklyProgress, 'wx-ba1', { listId, groupId: 'group-2' }))
    const item = view.list.items[3]
    const link = { kind: 'weekly' as const, id: weeklyLinkId(view.list._id, item.key), title: item.title }
    const prompt = ok(
      await cloud.call(savePrompt, 'wx-ba1', { groupId: 'group-2', title: '专题怎么学', body: '看完专题说说体会。', link, requestKey: 'discuss-i4-group2' }),
    )
    expect(prompt).toMatchObject({ groupId: 'group-2', link })
    // Another group's member cannot take part; the group's member can.
    expect(await cloud.call(postReply, 'wx-m1', { promptId: prompt._id, body: '我也想说。' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    ok(await cloud.call(postReply, 'wx-t2', { promptId: prompt._id, body: '专题内容很实在。' }))

    expect(ok(await cloud.call(getWeeklyProgress, 'wx-ba1', { listId, groupId: 'group-2' })).total.itemsDone).toEqual([0, 0, 0, 1])
    expect(ok(await cloud.call(getMyWeekly, 'wx-t2', {})).list?.items[3]).toMatchObject({ key: 'i4', done: true, discussed: true })
    expect(ok(await cloud.call(getWeeklyProgress, 'wx-lead1', { listId })).total.itemsDone).toEqual([0, 0, 0, 0])
  })

  it('the 每周一学 page gets the member’s reminder templates when it asks for them, other callers don’t', async () => {
    ok(await cloud.call(recordSubscription, 'wx-m1', { templateKey: 'weeklyList', accepted: true }))
    const page = ok(await cloud.call(getMyWeekly, 'wx-m1', { reminders: true }))
    expect(page.subscriptions?.find((s) => s.templateKey === 'weeklyList')).toMatchObject({ available: 1 })
    expect(ok(await cloud.call(getMyWeekly, 'wx-m1', {}))).not.toHaveProperty('subscriptions')
    expect(await cloud.call(getMyWeekly, 'wx-m1', { reminders: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('a member outside the list’s branches has no list this week', async () => {
    expect(ok(await cloud.call(getMyWeekly, 'wx-t3', {}))).toEqual({ week: WEEK, current: true, list: null })
  })

  it('past weeks stay browsable with how far the member got', async () => {
    await completeReading(cloud, 'm1', 'article', 'wk-a1')
    at('2026-11-30T02:00:00Z')
    const history = ok(await cloud.call(listMyWeeks, 'wx-m1', {}))
    expect(history).toEqual({
      items: [{ listId: expect.any(String), week: WEEK, requiredDone: 1, requiredCount: 2, targetMet: true, finished: false }],
      nextCursor: null,
    })
    // Read after the week ended: it does not count for that week.
    await completeReading(cloud, 'm1', 'chapter', 'wk-book-c1')
    expect(ok(await cloud.call(getMyWeekly, 'wx-m1', { week: WEEK }))).toMatchObject({ current: false, list: { requiredDone: 1, finished: false } })
  })

  it('a leader sees their group member by member, those behind first', async () => {
    await completeReading(cloud, 't1', 'article', 'wk-a1')
    await completeReading(cloud, 't1', 'chapter', 'wk-book-c1')
    await completeReading(cloud, 'm1', 'article', 'wk-a1')
    const view = ok(await cloud.call(getWeeklyProgress, 'wx-lead1', { listId: (await allDocs(cloud.db, WEEKLY_LISTS))[0]._id as string }))
    expect(view.total).toMatchObject({ unitId: 'group-1', name: '第一党小组', members: 5, finished: 1, targetMet: 2, itemsDone: [2, 1, 0, 0] })
    expect(view.units).toEqual([])
    expect(view.members.map((m) => [m.name, m.requiredDone, m.finished, m.left.join('、')])).toEqual([
      ['王组长', 0, false, '学习党章、第1章'],
      ['吴支部', 0, false, '学习党章、第1章'],
      ['周组织', 0, false, '学习党章、第1章'],
      ['李党员', 1, false, '第1章'],
      ['赵一', 2, true, ''],
    ])
  })

  it('an admin sees the organisation by branch, a branch admin their branch by group', async () => {
    const listId = (await allDocs(cloud.db, WEEKLY_LISTS))[0]._id as string
    await completeReading(cloud, 't2', 'article', 'wk-a1')
    await completeReading(cloud, 't2', 'chapter', 'wk-book-c1')
    const org = ok(await cloud.call(getWeeklyProgress, 'wx-org', { listId }))
    expect(org.total).toMatchObject({ name: '全组织', members: 6, finished: 1 })
    expect(org.units.map((u) => [u.name, u.members, u.finished])).toEqual([['第一党支部', 6, 1]])
    const branch = ok(await cloud.call(getWeeklyProgress, 'wx-ba1', { listId }))
    expect(branch.total).toMatchObject({ name: '第一党支部', members: 6 })
    expect(branch.units.map((u) => [u.name, u.members, u.finished, u.itemsDone])).toEqual([
      ['第二党小组', 1, 1, [1, 1, 0, 0]],
      ['第一党小组', 5, 0, [0, 0, 0, 0]],
    ])
    expect(await cloud.call(getWeeklyProgress, 'wx-ba1', { listId, branchId: 'branch-2' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the Sunday 18:00 reminder', () => {
  beforeEach(async () => {
    await scheduledList(cloud, { branchIds: ['branch-1'] })
    at(MONDAY_8)
    ok(await fire())
    for (const m of BRANCH_1) await grant(cloud, m, 'studyNudge')
  })

  const remind = () => cloud.call(weeklyRemind, undefined, { Type: 'Timer' })
  const reminders = async () => ((await allDocs(cloud.db, NOTIFICATIONS)) as unknown as NotificationDoc[]).filter((n) => n.templateKey === 'studyNudge')

  it('reminds only the members with required items left, naming what is left; once', async () => {
    await completeReading(cloud, 'm1', 'article', 'wk-a1')
    await completeReading(cloud, 'm1', 'chapter', 'wk-book-c1')
    await completeReading(cloud, 't1', 'article', 'wk-a1')
    at('2026-11-29T09:59:59Z')
    expect(await remind()).toEqual({ ok: true, data: { week: WEEK, lists: [] } })

    at('2026-11-29T10:00:00Z')
    expect(await remind()).toMatchObject({ ok: true, data: { lists: [{ notifications: { sent: 5 } }] } })
    expect(await remind()).toMatchObject({ ok: true, data: { lists: [{ notifications: {} }] } })
    const sent = await reminders()
    expect(sent.map((n) => n.memberId).sort()).toEqual(['ba1', 'lead1', 'org', 't1', 't2'])
    expect(sent.find((n) => n.memberId === 't1')?.data).toEqual({ title: '每周一学还有 1 项未完成', date: '2026-11-29', note: '还差《第1章》' })
    expect(sent.find((n) => n.memberId === 't2')?.data.note).toBe('还差《学习党章》等 2 项')
  })

  it('interrupted and resumed, reminds only members behind, each at most once', async () => {
    await completeReading(cloud, 'm1', 'article', 'wk-a1')
    await completeReading(cloud, 'm1', 'chapter', 'wk-book-c1')
    at('2026-11-29T10:00:00Z')
    const messenger = countingMessenger()
    const { interrupted, result } = await runInterrupted(cloud, weeklyRemind, { seed: 3, runs: 5, maxStop: 9, messenger })
    expect(interrupted).toBeGreaterThanOrEqual(3)
    expect(result).toMatchObject({ ok: true })
    // One record per member behind, whatever the runs did; a message claimed by a run that then
    // stopped is not sent again (at most once), so some may record no send.
    expect((await reminders()).map((n) => n.memberId).sort()).toEqual(BRANCH_1.filter((m) => m !== 'm1'))
    const touser = messenger.sent.map((m) => m.touser)
    expect(new Set(touser).size).toBe(touser.length)
    expect(touser).not.toContain('wx-m1')
  })
})

describe('members who join, come back or move during the week', () => {
  // Wednesday 2026-11-25 10:00 in Beijing.
  const WEDNESDAY = '2026-11-25T02:00:00Z'
  let listId: string
  beforeEach(async () => {
    listId = (await scheduledList(cloud, { branchIds: ['branch-1'] }))._id
    await cloud.db
      .collection(MEMBERS)
      .doc('t2')
      .update({ data: { status: 'inactive' } })
    at(MONDAY_8)
    ok(await fire())
    at(WEDNESDAY)
  })

  /** 新人, pre-registered in group-1 before Monday, completes 实名注册 on Wednesday. */
  const register = async () => {
    await cloud.addMember({ _id: 'new', openid: '', name: '新人', status: 'pending' })
    await cloud.addInvitation({ _id: 'XXQGAAAA' })
    expect(ok(await cloud.call(registerMember, 'wx-new', { name: '新人', code: 'XXQGAAAA' })).status).toBe('claimed')
    return 'new'
  }
  const publicationsOf = async (memberId: string) => (await allDocs(cloud.db, WEEKLY_ASSIGNMENTS)).filter((a) => a.memberId === memberId)
  const groupView = async () =>
    ok(await cloud.call(getWeeklyProgress, 'wx-lead1', { listId }))
      .members.map((m) => m.name)
      .sort()

  it('a member registered or reactivated on Wednesday sees the week’s list, and progress moves as they read', async () => {
    const newcomer = await register()
    ok(await cloud.call(reactivateMember, 'wx-org', { memberId: 't2' }))
    expect(ok(await cloud.call(getMyWeekly, 'wx-t2', {})).list).toMatchObject({ listId, requiredDone: 0, requiredCount: 2 })
    expect(ok(await cloud.call(getMyWeekly, 'wx-new', {})).list).toMatchObject({ listId, requiredDone: 0, requiredCount: 2, finished: false })

    await completeReading(cloud, newcomer, 'article', 'wk-a1')
    expect(ok(await cloud.call(getMyWeekly, 'wx-new', {})).list).toMatchObject({ requiredDone: 1, finished: false })
    await completeReading(cloud, newcomer, 'chapter', 'wk-book-c1')
    expect(ok(await cloud.call(getMyWeekly, 'wx-new', {})).list).toMatchObject({ requiredDone: 2, finished: true })
    // Their leader counts them from then on.
    expect(await groupView()).toContain('新人')
    expect(await publicationsOf(newcomer)).toHaveLength(1)
  })

  it('a member who joined on Wednesday and never opened 每周一学 still scores the items they read', async () => {
    const newcomer = await register()
    await completeReading(cloud, newcomer, 'article', 'wk-a1')
    const scored = (await allDocs(cloud.db, SCORE_ENTRIES)).filter((e) => e.memberId === newcomer && e.kind === 'weeklyItemDone')
    expect(scored).toHaveLength(1)
    expect(await publicationsOf(newcomer)).toEqual([expect.objectContaining({ listId, late: true })])
    expect(ok(await cloud.call(getMyWeekly, 'wx-new', {})).list).toMatchObject({ listId, requiredDone: 1 })
  })

  it('a distribution run after a first read publishes nothing twice and sends no message for a list already seen', async () => {
    const newcomer = await register()
    await grant(cloud, newcomer, 'weeklyList')
    ok(await cloud.call(getMyWeekly, 'wx-new', {}))
    // The list's distribution run again (as when it was stopped half-way and resumed).
    const list = (await allDocs(cloud.db, WEEKLY_LISTS))[0] as unknown as WeeklyListDoc
    const messenger = countingMessenger()
    const again = await distributeList({ db: cloud.db, now: cloud.clock.now(), messenger }, { ...list, publishedTo: null })
    expect(again).toMatchObject({ published: 0, publishedTo: 6, notifications: {} })
    expect(messenger.sent).toEqual([])
    expect(await publicationsOf(newcomer)).toHaveLength(1)
  })

  it('a member moved to another branch mid-week sees that branch’s list, and leaves their old group’s count', async () => {
    const other = await scheduledList(cloud, { branchIds: ['branch-2'], items: [{ kind: 'article', refId: 'wk-a2', required: true }] })
    expect(await groupView()).toContain('赵一')
    ok(await cloud.call(moveMember, 'wx-org', { memberId: 't1', groupId: 'group-3' }))

    const week = ok(await cloud.call(getMyWeekly, 'wx-t1', {})).list
    expect(week).toMatchObject({ listId: other._id, requiredCount: 1, items: [{ title: '选读文章', done: false }] })
    await completeReading(cloud, 't1', 'article', 'wk-a2')
    expect(ok(await cloud.call(getMyWeekly, 'wx-t1', {})).list).toMatchObject({ listId: other._id, finished: true })
    expect(await publicationsOf('t1')).toEqual([expect.objectContaining({ listId: other._id, branchId: 'branch-2', groupId: 'group-3' })])
    expect(await groupView()).not.toContain('赵一')
    expect(ok(await cloud.call(getWeeklyProgress, 'wx-org', { listId: other._id })).total).toMatchObject({ members: 3, finished: 1 })
  })

  it('a member moved to a branch with no list this week has none; one moved between groups is counted in the new group', async () => {
    ok(await cloud.call(moveMember, 'wx-org', { memberId: 't1', groupId: 'group-3' }))
    expect(ok(await cloud.call(getMyWeekly, 'wx-t1', {})).list).toBeNull()
    expect(await publicationsOf('t1')).toEqual([])

    ok(await cloud.call(moveMember, 'wx-org', { memberId: 'm1', groupId: 'group-2' }))
    expect(ok(await cloud.call(getMyWeekly, 'wx-m1', {})).list).toMatchObject({ listId })
    expect(await groupView()).toEqual(['吴支部', '周组织', '王组长'].sort())
    expect(ok(await cloud.call(getWeeklyProgress, 'wx-ba1', { listId, groupId: 'group-2' })).members.map((m) => m.name)).toEqual(['李党员'])
  })

  it('the Sunday reminder reaches a member who joined late and never opened the list, if they are behind', async () => {
    const newcomer = await register()
    ok(await cloud.call(reactivateMember, 'wx-org', { memberId: 't2' }))
    for (const m of [newcomer, 't2']) await grant(cloud, m, 'studyNudge')
    for (const m of [newcomer, 't2']) await grant(cloud, m, 'weeklyList')
    await completeReading(cloud, 't2', 'article', 'wk-a1')
    await completeReading(cloud, 't2', 'chapter', 'wk-book-c1')

    at('2026-11-29T10:00:00Z')
    ok(await cloud.call(weeklyRemind, undefined, { Type: 'Timer' }))
    const sent = (await allDocs(cloud.db, NOTIFICATIONS)) as unknown as NotificationDoc[]
    // The newcomer is behind and reminded, once; t2 finished and is not; nobody gets a late 'list published'.
    expect(sent.map((n) => [n.memberId, n.templateKey, n.data.note])).toEqual([[newcomer, 'studyNudge', '还差《学习党章》等 2 项']])
    expect(await publicationsOf(newcomer)).toEqual([expect.objectContaining({ listId, late: true })])
    expect(await groupView()).toContain('新人')
  })
})
