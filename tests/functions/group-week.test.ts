import { recordSubscription } from '../../server/actions/recordSubscription'
import { checkIn } from '../../server/actions/checkIn'
import { getGroupWeek } from '../../server/actions/getGroupWeek'
import { nudgeMembers } from '../../server/actions/nudgeMembers'
import { postReply } from '../../server/actions/postReply'
import { savePrompt } from '../../server/actions/savePrompt'
import { NOTIFICATIONS } from '../../server/notify/notify'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addArticle } from '../support/content'
import { ok, openReader, readFor } from '../support/study'

// Wednesday 2026-11-25, 10:00 in Shanghai: three days of the week so far, so 13 of 30 minutes are due.
const WEDNESDAY_10AM = '2026-11-25T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(WEDNESDAY_10AM)
  await cloud.addCast()
  await addArticle(cloud.db, { _id: 'article-w', status: 'published', publishedOn: '2026-11-20', minutes: 30 })
})
afterEach(() => cloud.close())

const at = (iso: string) => cloud.clock.fix(new Date(iso))

async function checkInAt(who: string, iso: string) {
  at(iso)
  ok(await cloud.call(checkIn, `wx-${who}`, {}))
}

async function readAt(who: string, iso: string, minutes: number) {
  at(iso)
  await readFor(cloud, openReader(cloud, who, 'article', 'article-w'), minutes * 60)
}

describe('the week view', () => {
  it('shows each member’s check-in days and credited minutes of this Shanghai week against the target', async () => {
    // Sunday 23:59 in Shanghai belongs to last week; Monday 00:00 to this one.
    await checkInAt('m1', '2026-11-22T15:59:00Z')
    await checkInAt('t1', '2026-11-22T16:00:00Z')
    await checkInAt('m1', '2026-11-23T02:00:00Z')
    await checkInAt('m1', '2026-11-24T02:00:00Z')
    await readAt('t1', '2026-11-22T15:00:00Z', 20) // last Sunday evening: not this week
    await readAt('m1', '2026-11-24T03:00:00Z', 14)
    await readAt('t1', '2026-11-25T01:00:00Z', 5)
    at(WEDNESDAY_10AM)

    const week = ok(await cloud.call(getGroupWeek, 'wx-lead1', {}))
    expect(week).toMatchObject({
      group: { _id: 'group-1', name: '第一党小组' },
      days: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'],
      today: '2026-11-25',
      weeklyTargetMinutes: 30,
      expectedMinutes: 13,
      memberCount: 5,
    })
    const row = (id: string) => week.members.find((m) => m.memberId === id)
    expect(row('m1')).toMatchObject({ checkedDays: ['2026-11-23', '2026-11-24'], minutes: 14, behind: false, nudge: null })
    expect(row('t1')).toMatchObject({ checkedDays: ['2026-11-23'], minutes: 5, behind: true })
    expect(row('lead1')).toMatchObject({ checkedDays: [], minutes: 0, behind: true, isLeader: true })
    expect(week.members).toHaveLength(5)
  })

  it('lists the open prompts with their participation', async () => {
    const prompt = ok(await cloud.call(savePrompt, 'wx-lead1', { title: '本周讨论', body: '谈谈体会' }))
    ok(await cloud.call(postReply, 'wx-m1', { promptId: prompt._id, body: '我先说' }))
    const week = ok(await cloud.call(getGroupWeek, 'wx-lead1', {}))
    expect(week.openPrompts).toEqual([expect.objectContaining({ _id: prompt._id, participantCount: 1, replyCount: 1, status: 'open' })])
  })

  it('an admin above the group reads it; a plain member or another branch’s admin does not', async () => {
    expect(ok(await cloud.call(getGroupWeek, 'wx-ba1', { groupId: 'group-2' })).group._id).toBe('group-2')
    expect(await cloud.call(getGroupWeek, 'wx-m1', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(getGroupWeek, 'wx-ba2', { groupId: 'group-1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('nudging the members behind', () => {
  it('sends each of them one reminder a day at most, through the notification service', async () => {
    // 20 minutes: ahead of Wednesday's 13 and Thursday's 18 (the target's share of four days, rounded up).
    await readAt('m1', '2026-11-24T03:00:00Z', 20)
    at(WEDNESDAY_10AM)

    // Only 赵一 allowed study reminders: the others are told apart, not counted as reminded.
    ok(await cloud.call(recordSubscription, 'wx-t1', { templateKey: 'studyNudge', accepted: true }))
    const first = ok(await cloud.call(nudgeMembers, 'wx-lead1', {}))
    // Everyone behind but the leader themself: m1 has done enough.
    expect(first.results.map((r) => [r._id, r.result, r.repeated]).sort()).toEqual([
      ['ba1', 'noGrant', false],
      ['org', 'noGrant', false],
      ['t1', 'sent', false],
    ])
    const sent = (await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.templateKey === 'studyNudge')
    expect(sent.map((n) => n.key).sort()).toEqual(['studyNudge:2026-11-25:ba1', 'studyNudge:2026-11-25:org', 'studyNudge:2026-11-25:t1'])
    expect(sent.find((n) => n.memberId === 't1')).toMatchObject({ data: { note: '本周已学 0 分钟，目标 30 分钟' } })

    // The same day, by anyone: nothing more is sent.
    at('2026-11-25T15:59:00Z')
    const again = ok(await cloud.call(nudgeMembers, 'wx-ba1', { groupId: 'group-1' }))
    expect(again.results.filter((r) => !r.repeated).map((r) => r._id)).toEqual(['lead1'])
    expect(
      again.results
        .filter((r) => r.repeated)
        .map((r) => [r._id, r.result])
        .sort(),
    ).toEqual([
      ['org', 'noGrant'],
      ['t1', 'sent'],
    ])
    const members = ok(await cloud.call(getGroupWeek, 'wx-lead1', {})).members
    expect(members.find((m) => m.memberId === 't1')).toMatchObject({ nudge: 'sent' })
    expect(members.find((m) => m.memberId === 'org')).toMatchObject({ nudge: 'noGrant' })

    // Shanghai midnight: a new day, a new reminder (赵一 allowed another), held back by the quiet hours
    // until the morning, and said so.
    ok(await cloud.call(recordSubscription, 'wx-t1', { templateKey: 'studyNudge', accepted: true }))
    at('2026-11-25T16:00:00Z')
    const nextDay = ok(await cloud.call(nudgeMembers, 'wx-lead1', { memberIds: ['t1', 'm1'] }))
    expect(nextDay).toEqual({ results: [{ _id: 't1', name: '赵一', result: 'deferred', repeated: false }] })
    expect((await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.templateKey === 'studyNudge')).toHaveLength(5)
  })

  it('concurrent nudges still send one reminder per member', async () => {
    const results = await Promise.all([1, 2, 3].map(() => cloud.call(nudgeMembers, 'wx-lead1', {})))
    const nudged = results.flatMap((r) =>
      ok(r)
        .results.filter((o) => !o.repeated)
        .map((o) => o._id),
    )
    expect(nudged.sort()).toEqual(['ba1', 'm1', 'org', 't1'])
    expect((await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.templateKey === 'studyNudge')).toHaveLength(4)
  })
})
