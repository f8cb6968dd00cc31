import { ARTICLES, BOOKS } from '../../../server/content/docs'
import { INVITATIONS } from '../../../server/invitations'
import { MEMBERS } from '../../../server/members'
import { SCORE_RULES } from '../../../server/scoring/rule-versions'
import { UNITS } from '../../../server/units'
import { WEEKLY_LISTS } from '../../../server/weekly/docs'
import { QUESTIONS, questionIdFrom } from '../../../server/quiz/questions'
import { EXAMS } from '../../../server/quiz/exams'
import type { WeappCloud } from '../../support/weapp-cloud'
import { eventually, tap, text, type } from '../../support/weapp-host'
import { lastUrl, type PageCase } from './run'

const count = async (cloud: WeappCloud, collection: string, where: Record<string, unknown>) =>
  (await cloud.db.collection(collection).where(where).count()).total

/** A question of the demo bank, by the id its import gives it. */
const SEEDED_QUESTION = questionIdFrom('import/single/为什么提倡读原文，而不只读解读和辅导材料？')

/** The 组织管理 and 季度通报 pages, as 张文博 (组织管理员). */
export const ADMIN_PAGES: Record<string, PageCase> = {
  'packageAdmin/pages/index/index': {
    shows: ['组织管理', '你是组织管理员'],
    async act(page, { host }) {
      await tap(page, '成员管理')
      await eventually(() => expect(lastUrl(host)).toBe('/packageAdmin/pages/members/index'))
    },
  },
  'packageAdmin/pages/units/index': {
    shows: ['示范单位机关党委', '机关第一党支部', '第一党小组'],
    async act(page, { cloud }) {
      await tap(page, '新建党小组')
      await type(page, 0, '第五党小组')
      await tap(page, '保存')
      await eventually(() => expect(text(page)).toContain('第五党小组'))
      expect(await count(cloud, UNITS, { kind: 'group', name: '第五党小组' })).toBe(1)
    },
  },
  'packageAdmin/pages/members/index': {
    // 拼音 order: 曹 and 陈 open the list.
    shows: ['曹宇航', '陈立新'],
    async act(page, { host }) {
      await type(page, 0, '孙')
      await tap(page, '搜索')
      await eventually(() => expect(host.calls.some((c) => c.name === 'listMembers' && c.data.search === '孙')).toBe(true))
      await eventually(() => expect(text(page)).not.toContain('曹宇航'))
      expect(text(page)).toContain('孙浩然')
    },
  },
  'packageAdmin/pages/member/index': {
    query: { id: 'member-05', name: '孙浩然' },
    shows: ['孙浩然', '党小组长', '停用这位成员'],
    async act(page, { cloud }) {
      await tap(page, '党小组长')
      await eventually(async () => expect((await cloud.db.collection(MEMBERS).doc('member-05').get()).data.roles).toContain('leader'))
    },
  },
  'packageAdmin/pages/preregister/index': {
    shows: ['预登记新成员', '手机号', '第二党小组'],
    async act(page, { cloud }) {
      await type(page, 0, '上官云')
      await type(page, 1, '13800000043')
      await tap(page, '第二党小组')
      await tap(page, '登记')
      await eventually(async () => expect(await count(cloud, MEMBERS, { name: '上官云', status: 'pending', groupId: 'group-1-2' })).toBe(1))
    },
  },
  'packageAdmin/pages/invitations/index': {
    shows: ['XXQGA888', '已有的邀请码', '第二党小组'],
    async act(page, { cloud }) {
      const before = await count(cloud, INVITATIONS, { groupId: 'group-1-2' })
      await tap(page, '第二党小组')
      await tap(page, '生成邀请码')
      await eventually(() => expect(text(page)).toContain('新的邀请码'))
      expect(await count(cloud, INVITATIONS, { groupId: 'group-1-2' })).toBe(before + 1)
    },
  },
  'packageAdmin/pages/audit/index': { shows: ['张文博', '学习清单'] },
  'packageAdmin/pages/content/index': {
    shows: ['每天二十分钟：把学习变成习惯', '已发布'],
    async act(page) {
      await tap(page, '书目')
      await eventually(() => expect(text(page)).toContain('读懂理论的方法'))
    },
  },
  'packageAdmin/pages/article/index': {
    query: { id: 'article-1' },
    shows: ['编辑文章', '正文'],
    async act(page, { cloud }) {
      const before = (await cloud.db.collection(ARTICLES).doc('article-1').get()).data.recommended
      await tap(page, '推荐')
      await eventually(async () => expect((await cloud.db.collection(ARTICLES).doc('article-1').get()).data.recommended).toBe(!before))
    },
  },
  'packageAdmin/pages/book/index': {
    query: { id: 'book-method' },
    shows: ['编辑书目', '4 章', '必修与选修'],
    async act(page, { cloud }) {
      const before = (await cloud.db.collection(BOOKS).doc('book-method').get()).data.recommended
      await tap(page, '推荐')
      await eventually(async () => expect((await cloud.db.collection(BOOKS).doc('book-method').get()).data.recommended).toBe(!before))
    },
  },
  'packageAdmin/pages/chapter/index': {
    query: { bookId: 'book-method', id: 'book-method-1' },
    shows: ['章节标题', '保存章节'],
    async act(page, { host }) {
      await tap(page, '保存章节')
      await eventually(() => expect(host.calls.some((c) => c.name === 'saveChapter')).toBe(true))
      await eventually(() => expect(text(page)).toContain('已保存'))
    },
  },
  'packageAdmin/pages/outbox/index': {
    shows: ['公众号发布', '订阅消息'],
    async act(page, { host }) {
      await tap(page, '订阅消息')
      await eventually(() => expect(text(page)).toContain('给党员发送的订阅消息'))
      expect(host.calls.filter((c) => c.name === 'listOutbox').length).toBeGreaterThan(1)
    },
  },
  'packageAdmin/pages/weekly/index': {
    shows: ['11月23日', '已发布'],
    async act(page, { host }) {
      await tap(page, '11月23日')
      await eventually(() => expect(lastUrl(host)).toMatch(/^\/packageAdmin\/pages\/weekly-progress\/index\?listId=weekly-/))
    },
  },
  'packageAdmin/pages/weekly-edit/index': {
    shows: ['周次（周一 08:00 发布）', '学习内容（0 项）'],
    async act(page, { cloud }) {
      await type(page, 0, '下周读第三章，读完谈体会。')
      await tap(page, '添加文章')
      await eventually(() => expect(text(page)).toContain('从“听过”到“做到”'))
      await tap(page, '从“听过”到“做到”：学用结合的几点体会')
      await eventually(() => expect(text(page)).toContain('学习内容（1 项）'))
      await tap(page, '保存')
      await eventually(async () => expect(await count(cloud, WEEKLY_LISTS, { week: '2026-11-30', status: 'draft' })).toBe(1))
    },
  },
  'packageAdmin/pages/questions/index': {
    shows: ['新增题目', '标签', '单选题 · 答案'],
    async act(page) {
      await type(page, 0, '读原文')
      await tap(page, '搜索')
      await eventually(() => expect(text(page)).toContain('为什么提倡读原文，而不只读解读和辅导材料？'))
      expect(text(page)).not.toContain('营商环境好不好，谁最有发言权？')
    },
  },
  'packageAdmin/pages/question/index': {
    query: { id: SEEDED_QUESTION },
    shows: ['修改题目', '正确答案：B', '关联内容：章节 book-method-1', '停用这道题'],
    async act(page, { cloud }) {
      // The fields: 题干, four options, 解析, 标签.
      await type(page, 5, '解读经过了别人的取舍；读原文，才知道结论是怎样得出来的。')
      await tap(page, '保存')
      await eventually(() => expect(text(page)).toContain('已保存'))
      const { data } = await cloud.db.collection(QUESTIONS).doc(SEEDED_QUESTION).get()
      expect(data).toMatchObject({
        explanation: '解读经过了别人的取舍；读原文，才知道结论是怎样得出来的。',
        answer: [1],
        link: { kind: 'chapter', id: 'book-method-1' },
      })
    },
  },
  'packageAdmin/pages/exams/index': {
    shows: ['新建考试', '第四季度学习考核', '已发布', '点开看成绩'],
    async act(page, { host }) {
      await tap(page, '第四季度学习考核')
      await eventually(() => expect(lastUrl(host)).toBe('/packageQuiz/pages/exam-results/index?examId=exam-demo-quarter'))
    },
  },
  'packageAdmin/pages/exam-edit/index': {
    shows: ['新建考试', '考试范围（谁来考）', '随机抽题', '保存草稿'],
    // A draft for 张文博's branch, ten questions drawn from the whole bank; then published.
    async act(page, { cloud }) {
      const before = await count(cloud, EXAMS, {})
      await type(page, 0, '十二月专项考试')
      await tap(page, '保存草稿')
      await eventually(() => expect(text(page)).toContain('已保存草稿：每次作答 10 道题'))
      expect(await count(cloud, EXAMS, { status: 'draft' })).toBe(1)
      await tap(page, '发布考试')
      await eventually(() => expect(text(page)).toContain('已发布：应考'))
      expect(await count(cloud, EXAMS, {})).toBe(before + 1)
      expect(await count(cloud, EXAMS, { title: '十二月专项考试', status: 'published' })).toBe(1)
    },
  },
  'packageQuiz/pages/exam-results/index': {
    query: { examId: 'exam-demo-quarter' },
    shows: ['第四季度学习考核', '及格率', '分数分布：', '成员成绩'],
    async act(page, { host }) {
      await tap(page, '看这个单位的成员 ›')
      await eventually(() => expect(lastUrl(host)).toMatch(/^\/packageQuiz\/pages\/exam-results\/index\?examId=exam-demo-quarter&unitId=branch-/))
    },
  },
  'packageAdmin/pages/score-rules/index': {
    shows: ['修改积分规则', '保存新规则'],
    async act(page, { cloud }) {
      const before = await count(cloud, SCORE_RULES, {})
      await tap(page, '保存新规则')
      await eventually(async () => expect(await count(cloud, SCORE_RULES, {})).toBe(before + 1))
    },
  },
  'packageReport/pages/unit/index': {
    shows: ['第三季度', '各党支部排名'],
    async act(page, { host }) {
      await tap(page, '导出 CSV：成员明细')
      await eventually(() => expect(text(page)).toMatch(/已生成「.+\.csv」，共 40 行/))
      expect(host.downloads).toHaveLength(1)
    },
  },
}
