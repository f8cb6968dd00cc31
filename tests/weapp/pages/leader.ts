import { REFLECTIONS } from '../../../server/reflections/reflections'
import { SCORE_ENTRIES } from '../../../server/scoring/ledger'
import { MEETING_ATTENDANCE, attendanceId } from '../../../server/meetings/attendance-docs'
import { codeFor, periodOf } from '../../../server/meetings/codes'
import { MEETINGS, type MeetingDoc } from '../../../server/meetings/meetings'
import { PROMPTS, REPLIES } from '../../../server/discussion/docs'
import type { WeappCloud } from '../../support/weapp-cloud'
import { eventually, tap, text, type } from '../../support/weapp-host'
import { lastUrl, type PageCase } from './run'

/** The seeded open prompt of 第一党小组. */
async function openPrompt(cloud: WeappCloud): Promise<string> {
  const { data } = await cloud.db.collection(PROMPTS).where({ groupId: 'group-1-1', status: 'open', title: '结合本职工作，谈谈本周学习体会' }).get()
  return String(data[0]._id)
}

/** The pages of a 党小组长, as 陈立新 (leads 第一党小组). */
export const LEADER_PAGES: Record<string, PageCase> = {
  'packageGroup/pages/reflections/index': {
    shows: ['我的心得', '本组全部', '待审阅'],
    // 吴俊峰's reflection waits for him: approved, it scores its point.
    async act(page, { cloud }) {
      await tap(page, '待审阅')
      await eventually(() => expect(text(page)).toContain('窗口接待的一位老人'))
      await tap(page, '通过')
      await eventually(() => expect(text(page)).toContain('已通过'))
      const { data } = await cloud.db.collection(REFLECTIONS).where({ memberId: 'member-07' }).get()
      expect(data).toEqual([expect.objectContaining({ status: 'approved', reviewerName: '陈立新' })])
      expect((await cloud.db.collection(SCORE_ENTRIES).where({ memberId: 'member-07', kind: 'reflection' }).get()).data).toHaveLength(1)
    },
  },
  'packageGroup/pages/meeting/index': {
    query: { id: 'meeting-group-1-1-today' },
    shows: ['主持会议', '显示签到二维码', '出席情况', '郑丽华', '请假：今天单位值班'],
    // 郑丽华 asked for leave: 准假, and the roster counts her on leave.
    async act(page, { cloud }) {
      await tap(page, '准假')
      await eventually(() => expect(text(page)).toContain('请假 1 人'))
      const stored = (await cloud.db.collection(MEETING_ATTENDANCE).doc(attendanceId('meeting-group-1-1-today', 'member-08')).get()).data
      expect(stored).toMatchObject({ leaveStatus: 'approved', leaveReviewerName: '陈立新' })
    },
  },
  'packageGroup/pages/meeting-code/index': {
    query: { id: 'meeting-group-1-1-today' },
    shows: ['请扫码签到', '秒后更换'],
    async act(page, { cloud }) {
      // The 6 digits under the QR are this half-minute's code, as the server checks it.
      const meeting = (await cloud.db.collection(MEETINGS).doc('meeting-group-1-1-today').get()).data as MeetingDoc
      await eventually(() => expect(text(page)).toContain(codeFor(meeting.secret, meeting._id, periodOf(cloud.clock.now()))))
      expect(page.dom.querySelector('wx-image')).not.toBeNull()
    },
  },
  'packageGroup/pages/meeting-edit/index': {
    shows: ['安排会议', '参会范围', '第一党小组', '党小组会'],
    async act(page, { cloud }) {
      await type(page, 0, '十二月党小组会')
      await type(page, 1, '社区党群服务中心二楼')
      // 会前学习: an article found by its title.
      await type(page, 3, '二十分钟')
      await tap(page, '查找')
      await eventually(() => expect(text(page)).toContain('添加'))
      await tap(page, '添加')
      await eventually(() => expect(text(page)).toContain('移除'))
      await tap(page, '保存并通知')
      // Nobody in the seed subscribed to 会议通知: the page says who is expected and that none was told.
      await eventually(() => expect(text(page)).toContain('应到 10 人'))
      const { data } = await cloud.db.collection(MEETINGS).where({ title: '十二月党小组会' }).get()
      expect(data).toEqual([
        expect.objectContaining({
          unitId: 'group-1-1',
          kind: 'groupMeeting',
          place: '社区党群服务中心二楼',
          items: [expect.objectContaining({ kind: 'article', title: '每天二十分钟：把学习变成习惯' })],
        }),
      ])
    },
  },
  'packageGroup/pages/prompt/index': {
    query: async (cloud) => ({ id: await openPrompt(cloud) }),
    shows: ['结合本职工作，谈谈本周学习体会', '刘晓燕'],
    async act(page, { cloud }) {
      await type(page, 0, '我们组下周一起把第二章读完，再交流一次。')
      await tap(page, '发送')
      await eventually(() => expect(text(page)).toContain('我们组下周一起把第二章读完，再交流一次。'))
      const { data } = await cloud.db.collection(REPLIES).where({ authorId: 'member-01', body: '我们组下周一起把第二章读完，再交流一次。' }).get()
      expect(data).toHaveLength(1)
    },
  },
  'packageGroup/pages/edit/index': {
    shows: ['发布讨论题', '讨论内容'],
    async act(page, { cloud, host }) {
      await type(page, 0, '读完第二章后的体会')
      await type(page, 1, '精读和泛读，你在工作中各用在哪些材料上？')
      await tap(page, '发布')
      // Nobody in the seed subscribed: the notice reached none of the other nine, and the page says so.
      await eventually(() => expect(text(page)).toContain('已发送 0 人，9 人收不到'))
      await tap(page, '查看讨论')
      await eventually(() => expect(lastUrl(host)).toMatch(/^\/packageGroup\/pages\/prompt\/index\?id=/))
      const { data } = await cloud.db.collection(PROMPTS).where({ title: '读完第二章后的体会' }).get()
      expect(data).toEqual([expect.objectContaining({ groupId: 'group-1-1', authorId: 'member-01', status: 'open' })])
    },
  },
  'packageGroup/pages/nudge/index': {
    shows: ['本周落后的成员', '孙浩然'],
    async act(page) {
      // Nobody in the seed subscribed to nudges: the page says so for each, and sends nothing.
      await tap(page, '提醒')
      await eventually(() => expect(text(page)).toContain('未订阅'))
      expect(text(page)).not.toContain('陈立新')
    },
  },
  'packageScore/pages/ratings/index': { shows: ['第一党小组', '平均'] },
  'packageAdmin/pages/weekly-progress/index': {
    query: async (cloud) => {
      const { data } = await cloud.db.collection('weeklyLists').where({ week: '2026-11-23' }).get()
      return { listId: String(data[0]._id), groupId: 'group-1-1' }
    },
    shows: ['第一党小组', '孙浩然'],
  },
}
