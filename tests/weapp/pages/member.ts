import { CHECKINS } from '../../../server/checkin'
import { MEMBERS } from '../../../server/members'
import { eventually, tap, text, type } from '../../support/weapp-host'
import { DAILY_QUIZZES, type DailyQuizDoc } from '../../../server/quiz/daily'
import { QUESTIONS, type QuestionDoc } from '../../../server/quiz/questions'
import { EXAM_ATTEMPTS, type AttemptDoc } from '../../../server/quiz/exam-attempts'
import { REFLECTIONS } from '../../../server/reflections/reflections'
import { MEETING_ATTENDANCE, attendanceId } from '../../../server/meetings/attendance-docs'
import { codeFor, periodOf } from '../../../server/meetings/codes'
import { MEETINGS, type MeetingDoc } from '../../../server/meetings/meetings'
import type { WeappCloud } from '../../support/weapp-cloud'
import { lastUrl, type PageCase } from './run'

/** The member's quiz of the day as stored, and its questions. */
async function storedQuiz(cloud: WeappCloud, memberId: string) {
  const quiz = (await cloud.db.collection(DAILY_QUIZZES).doc(`${memberId}_2026-11-25`).get()).data as DailyQuizDoc
  const { data } = await cloud.db
    .collection(QUESTIONS)
    .where({ _id: cloud.db.command.in(quiz.questionIds) })
    .get()
  const questions = quiz.questionIds.map((id) => (data as QuestionDoc[]).find((q) => q._id === id)!)
  return { quiz, questions }
}
/** The first option of a question that is not a right one. */
const wrongOption = (q: QuestionDoc) => q.options.find((_, i) => !q.answer.includes(i))!

/** The pages of a member's day, as 孙浩然 (第一党小组, no roles). */
export const MEMBER_PAGES: Record<string, PageCase> = {
  'pages/index/index': {
    shows: ['孙浩然，你好', '今日学习', '学用结合'],
    async act(page, { cloud }) {
      await type(page, 0, '读了推送文章，记下三点体会。')
      await tap(page, '打卡')
      await eventually(() => expect(text(page)).toContain('今日已打卡'))
      const { data } = await cloud.db.collection(CHECKINS).doc('member-05_2026-11-25').get()
      expect(data).toMatchObject({ reflection: '读了推送文章，记下三点体会。' })
    },
  },
  'pages/study/index': {
    shows: ['书架', '读懂理论的方法'],
    async act(page, { host }) {
      await tap(page, '读懂理论的方法')
      await eventually(() => expect(lastUrl(host)).toBe('/pages/book/index?id=book-method'))
    },
  },
  'pages/group/index': {
    shows: ['第一党小组', '结合本职工作，谈谈本周学习体会'],
    async act(page, { host }) {
      await tap(page, '结合本职工作，谈谈本周学习体会')
      await eventually(() => expect(lastUrl(host)).toMatch(/^\/packageGroup\/pages\/prompt\/index\?id=prompt-/))
    },
  },
  'pages/me/index': {
    shows: ['孙浩然', '我的积分与星级', '消息提醒', '每周一学发布提醒', '未开启，收不到', '大字模式', '分享我的学习', '分享给微信好友'],
    async act(page, { cloud }) {
      await tap(page, '大字模式')
      await eventually(() => expect(text(page)).toContain('已开'))
      await eventually(async () => expect((await cloud.db.collection(MEMBERS).doc('member-05').get()).data.largeFont).toBe(true))
    },
  },
  'pages/register/index': {
    shows: ['实名注册', '邀请码'],
    // A newcomer claims the record the branch pre-registered for her, then goes to 首页.
    async act(page, { host, cloud }) {
      cloud.asNewUser('wx-newcomer')
      try {
        await type(page, 0, '欧阳宁')
        await type(page, 1, 'xxqga888')
        await tap(page, '注册')
        await eventually(() => expect(host.navigations.at(-1)).toEqual({ api: 'reLaunch', url: '/pages/index/index' }))
        const { data } = await cloud.db.collection(MEMBERS).doc('member-41').get()
        expect(data).toMatchObject({ openid: 'wx-newcomer', status: 'active', groupId: 'group-1-1' })
      } finally {
        await cloud.as('member-05')
      }
    },
  },
  'pages/reader/index': {
    query: { kind: 'article', id: 'article-1' },
    shows: ['每天二十分钟：把学习变成习惯', '— 全文完 —'],
    async act(page, { host, cloud }) {
      // A few seconds of reading (on both clocks), then the end of the text comes into view.
      await new Promise((resolve) => setTimeout(resolve, 1100))
      cloud.clock.fix(new Date(cloud.clock.now().getTime() + 5000))
      host.intersect('#reader-end')
      await eventually(() => expect(host.calls.some((c) => c.name === 'heartbeat' && c.data.atEnd === true)).toBe(true))
      await eventually(() => expect(text(page)).toContain('（已读到末尾）'))
    },
  },
  'pages/book/index': {
    query: { id: 'book-method' },
    shows: ['读懂理论的方法', '为什么要读原文'],
    async act(page, { host }) {
      await tap(page, '第一章 为什么要读原文')
      await eventually(() => expect(lastUrl(host)).toBe('/pages/reader/index?kind=chapter&id=book-method-1'))
    },
  },
  'pages/my-study/index': {
    shows: ['学时', '每周目标', '必读书目'],
    async act(page, { host }) {
      await tap(page, '查看学习规则')
      await eventually(() => expect(lastUrl(host)).toBe('/pages/study-rules/index'))
    },
  },
  'pages/study-rules/index': { shows: ['规则一览', '学时怎么算'] },
  'pages/weekly/index': {
    shows: ['学用结合', '每天二十分钟：把学习变成习惯', '第二章 精读与泛读'],
    async act(page, { host }) {
      await tap(page, '第二章 精读与泛读')
      await eventually(() => expect(lastUrl(host)).toBe('/pages/reader/index?kind=chapter&id=book-method-2'))
    },
  },
  'packageScore/pages/leaderboard/index': {
    shows: ['我的排名', '孙浩然（我）'],
    async act(page, { host }) {
      await tap(page, '学时')
      await eventually(() => expect(host.calls.some((c) => c.name === 'getLeaderboard' && c.data.metric === 'hours')).toBe(true))
      await eventually(() => expect(text(page)).toContain('分钟'))
    },
  },
  'packageScore/pages/rules/index': { shows: ['怎样得分', '每日学习打卡'] },
  'packageScore/pages/points/index': { shows: ['今天已得', '每日学习打卡', '明细'] },
  'packageReport/pages/mine/index': { shows: ['季度'] },
  'packageReport/pages/archive/index': { shows: ['孙浩然的学习档案', '2026 年', '学时', '考试：', '年底定档'] },
  'packageQuiz/pages/daily/index': {
    shows: ['每日答题', '第 1 题 · 共 5 题', '请先选择答案'],
    // A wrong answer: the right one is shown, with the explanation, and the question goes to the 错题本.
    async act(page, { cloud }) {
      const { questions } = await storedQuiz(cloud, 'member-05')
      await tap(page, wrongOption(questions[0]))
      await tap(page, '提交答案')
      await eventually(() => expect(text(page)).toContain('回答错误'))
      expect(text(page)).toContain(`解析：${questions[0].explanation}`)
      expect((await storedQuiz(cloud, 'member-05')).quiz.answers).toEqual({ [questions[0]._id]: expect.objectContaining({ correct: false }) })
      await tap(page, '下一题')
      await eventually(() => expect(text(page)).toContain('第 2 题 · 共 5 题'))
    },
  },
  'packageQuiz/pages/chapter/index': {
    // 孙浩然 joined this month and has not read the chapter yet: the quiz waits for it.
    query: { id: 'book-method-1' },
    shows: ['章节小测', '《读懂理论的方法》第一章', '读完这一章后就可以做小测'],
    async act(page, { host }) {
      await tap(page, '去读这一章')
      await eventually(() => expect(lastUrl(host)).toBe('/pages/reader/index?kind=chapter&id=book-method-1'))
    },
  },
  'packageGroup/pages/meetings/index': {
    shows: ['组织生活', '集中学习：党章第二章', '党小组会：学习党章第一章', '主题党日：重温入党誓词', '进行中', '已签到'],
    async act(page, { host }) {
      await tap(page, '集中学习：党章第二章')
      await eventually(() => expect(lastUrl(host)).toBe('/packageGroup/pages/meeting/index?id=meeting-group-1-1-today'))
    },
  },
  'packageGroup/pages/meeting/index': {
    query: { id: 'meeting-group-1-1-today' },
    shows: ['集中学习：党章第二章', '我的出席', '未签到', '扫码签到', '来不了？请假'],
    // The code read off the leader's screen, typed: signed in once, by code.
    async act(page, { cloud }) {
      const meeting = (await cloud.db.collection(MEETINGS).doc('meeting-group-1-1-today').get()).data as MeetingDoc
      await type(page, 0, codeFor(meeting.secret, meeting._id, periodOf(cloud.clock.now())))
      await tap(page, '签到')
      await eventually(() => expect(text(page)).toContain('已签到 10:00'))
      const stored = (await cloud.db.collection(MEETING_ATTENDANCE).doc(attendanceId(meeting._id, 'member-05')).get()).data
      expect(stored).toMatchObject({ presentHow: 'code' })
    },
  },
  'packageGroup/pages/reflection-edit/index': {
    query: { kind: 'article', id: 'article-1', title: '每天二十分钟：把学习变成习惯' },
    shows: ['文章心得', '每天二十分钟：把学习变成习惯', '至少写 50 字'],
    async act(page, { cloud }) {
      await type(
        page,
        0,
        '这篇文章说每天固定二十分钟学习。我以前总想周末一口气补，结果读得匆忙记得也浅。从这周起，我每天早上到岗前读二十分钟，读完写下三句体会，坚持一周再回头看看变化。',
      )
      await tap(page, '提交给组长')
      await eventually(() => expect(text(page)).toContain('已提交，等组长审阅'))
      const { data } = await cloud.db.collection(REFLECTIONS).where({ memberId: 'member-05' }).get()
      expect(data).toEqual([expect.objectContaining({ status: 'pending', target: expect.objectContaining({ id: 'article-1' }) })])
    },
  },
  'packageQuiz/pages/exams/index': {
    shows: ['我的考试', '第四季度学习考核', '10 道题 · 限时 20 分钟', '开始考试', '有新考试时提醒我'],
    async act(page, { host }) {
      await tap(page, '开始考试')
      await eventually(() => expect(lastUrl(host)).toBe('/packageQuiz/pages/exam/index?examId=exam-demo-quarter'))
    },
  },
  'packageQuiz/pages/exam/index': {
    query: { examId: 'exam-demo-quarter' },
    shows: ['第四季度学习考核', '第 1 次作答 · 共 10 题', '第 1 / 10 题', '剩余'],
    // Every question answered with its first option, one a screen, then 交卷: graded by the server.
    async act(page, { cloud }) {
      const attempt = (await cloud.db.collection(EXAM_ATTEMPTS).doc('exam-demo-quarter_member-05_1').get()).data as AttemptDoc
      const { data } = await cloud.db
        .collection(QUESTIONS)
        .where({ _id: cloud.db.command.in(attempt.questionIds) })
        .get()
      const questions = attempt.questionIds.map((id) => (data as QuestionDoc[]).find((q) => q._id === id)!)
      for (const [i, q] of questions.entries()) {
        await eventually(() => expect(text(page)).toContain(`第 ${i + 1} / 10 题`))
        await tap(page, q.options[0])
        await tap(page, i < 9 ? '下一题' : '交卷')
      }
      await eventually(() => expect(text(page)).toContain('成绩已记入学习档案'))
      const graded = (await cloud.db.collection(EXAM_ATTEMPTS).doc('exam-demo-quarter_member-05_1').get()).data as AttemptDoc
      expect(graded).toMatchObject({ status: 'submitted', right: questions.filter((q) => q.answer.length === 1 && q.answer[0] === 0).length })
    },
  },
  'packageQuiz/pages/wrong/index': {
    // The question 每日答题 above was answered wrong on: answered right here, once of the two that clear it.
    shows: ['错题本', '共 1 道题待巩固', '再答对 2 次就移出错题本'],
    async act(page, { cloud }) {
      const [missed] = (await storedQuiz(cloud, 'member-05')).questions
      for (const i of missed.answer) await tap(page, missed.options[i])
      await tap(page, '提交答案')
      await eventually(() => expect(text(page)).toContain('回答正确'))
      expect(text(page)).toContain('再答对 1 次就移出错题本')
    },
  },
}
