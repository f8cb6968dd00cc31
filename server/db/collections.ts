/**
 * Every collection the functions use, with the indexes its queries need: the one list the local
 * store serves its indexes from, `npm run deploy:check` holds to the cloud database's limits, and
 * the README's table of collections is generated from (`npm run gen:collections`). A collection
 * not listed here cannot be opened in the local cloud or the tests.
 */
import { AUDIT } from '../audit'
import { CHECKINS } from '../checkin'
import { CATEGORIES } from '../content/categories'
import { ARTICLES, BOOKS, CHAPTERS } from '../content/docs'
import { POST_KEYS, PROMPTS, REPLIES, REPLY_LIKES } from '../discussion/docs'
import { LOCAL_FILES } from '../files/local-files'
import { INVITATIONS } from '../invitations'
import { JOBS } from '../jobs/batched-job'
import { MEETING_ATTENDANCE } from '../meetings/attendance-docs'
import { MEETINGS } from '../meetings/meetings'
import { MEMBERS } from '../members'
import { SUBSCRIPTIONS } from '../notify/grants'
import { NOTIFICATIONS } from '../notify/notify'
import { NOTIFY_QUOTA } from '../notify/quota'
import { LOCAL_DRAFTS } from '../official-account/local-drafts'
import { PUBLICATIONS } from '../official-account/publication'
import { PUSHES } from '../push/pushes'
import { CHAPTER_QUIZZES } from '../quiz/chapter'
import { DAILY_QUIZZES } from '../quiz/daily'
import { EXAM_ATTEMPTS } from '../quiz/exam-attempts'
import { EXAMS } from '../quiz/exams'
import { QUESTIONS } from '../quiz/questions'
import { WRONG_BOOKS } from '../quiz/wrong-book'
import { REFLECTIONS } from '../reflections/reflections'
import { OPENIDS } from '../registration'
import { QUARTER_REPORTS, QUARTER_ROWS, QUARTER_UNITS } from '../reports/docs'
import { SCORE_ENTRIES, SCORE_TOTALS } from '../scoring/ledger'
import { STAR_RATINGS } from '../scoring/ratings'
import { SCORE_RULES } from '../scoring/rule-versions'
import { RATE_LIMITS } from '../security/rate-limit'
import { STUDY_LEDGERS } from '../study/ledger'
import { LIBRARY_READS } from '../study/readers'
import { STUDY_SETTINGS } from '../study/rules'
import { SECRETS } from '../security/signing'
import { UNITS } from '../units'
import { WEEKLY_ASSIGNMENTS, WEEKLY_LISTS } from '../weekly/docs'

export interface CollectionSpec {
  name: string
  /** What a record is (for the organiser creating the collection). */
  holds: string
  /** Each index: the fields it orders by, in order (a compound index when more than one). */
  indexes: string[][]
  /** Only the local cloud keeps it (the cloud has its own storage or 公众号 for it). */
  localOnly?: boolean
}

export const COLLECTIONS: readonly CollectionSpec[] = [
  // `status`: the organisation's active members (a rank's "of", the batch jobs' audience).
  { name: MEMBERS, holds: '成员（实名、所在单位、角色）', indexes: [['openid'], ['groupId', 'nameKey'], ['nameKey'], ['name'], ['status']] },
  { name: OPENIDS, holds: '微信身份到成员的对应', indexes: [] },
  { name: UNITS, holds: '党委、党支部、党小组', indexes: [] },
  { name: INVITATIONS, holds: '邀请码', indexes: [['createdAt']] },
  { name: AUDIT, holds: '操作记录', indexes: [['unitIds']] },
  { name: CHECKINS, holds: '学习打卡（每人每天一条）', indexes: [['memberId', 'day']] },
  { name: CATEGORIES, holds: '内容分类', indexes: [] },
  {
    name: ARTICLES,
    holds: '文章',
    indexes: [['status', 'scheduledFor'], ['status', 'queuedAt'], ['updatedAt'], ['speechPending']],
  },
  { name: BOOKS, holds: '书目', indexes: [['updatedAt'], ['required.year']] },
  { name: CHAPTERS, holds: '章节', indexes: [['bookId'], ['speechPending']] },
  { name: PUSHES, holds: '每日推送', indexes: [['day']] },
  { name: PUBLICATIONS, holds: '公众号发布记录', indexes: [['createdAt']] },
  { name: NOTIFICATIONS, holds: '订阅消息（每条一个）', indexes: [['at']] },
  { name: SUBSCRIPTIONS, holds: '成员允许的订阅消息次数', indexes: [['templateKey']] },
  { name: NOTIFY_QUOTA, holds: '每人每天的消息上限', indexes: [] },
  { name: STUDY_LEDGERS, holds: '学时账（每人一条）', indexes: [] },
  { name: SECRETS, holds: '服务端密钥（阅读凭证、身份凭证的签名）', indexes: [] },
  { name: STUDY_SETTINGS, holds: '学时规则设置', indexes: [] },
  { name: LIBRARY_READS, holds: '每天每篇的读者数', indexes: [['kind', 'day']] },
  // `link.id`: the prompts about a week's items (每周一学's 讨论 progress).
  { name: PROMPTS, holds: '讨论题', indexes: [['groupId', 'status', 'rank'], ['link.id']] },
  {
    name: REPLIES,
    holds: '讨论回复',
    indexes: [
      ['promptId', 'parentId', 'rank'],
      ['parentId', '_id'],
      ['authorId', 'status'],
    ],
  },
  { name: REPLY_LIKES, holds: '点赞', indexes: [['replyId']] },
  { name: POST_KEYS, holds: '发帖请求编号（重试只存一次）', indexes: [] },
  { name: RATE_LIMITS, holds: '发帖频率', indexes: [] },
  { name: SCORE_RULES, holds: '积分规则版本', indexes: [] },
  { name: SCORE_ENTRIES, holds: '积分明细账', indexes: [['memberId', 'day']] },
  // `cw`+`cwp` …: a leaderboard of this week, quarter or year, by points or by time, and the ranks in it.
  {
    name: SCORE_TOTALS,
    holds: '积分合计（每人一条）',
    indexes: [['groupId'], ['branchId'], ['cw', 'cwp'], ['cw', 'cws'], ['cq', 'cqp'], ['cq', 'cqs'], ['cy', 'cyp'], ['cy', 'cys']],
  },
  { name: STAR_RATINGS, holds: '年度星级', indexes: [['record', 'year']] },
  { name: JOBS, holds: '批处理任务的进度', indexes: [] },
  { name: WEEKLY_LISTS, holds: '每周一学清单', indexes: [['week']] },
  {
    name: WEEKLY_ASSIGNMENTS,
    holds: '每周一学到人',
    indexes: [
      ['listId', '_id'],
      ['listId', 'groupId'],
      ['listId', 'branchId'],
      ['memberId', 'week'],
    ],
  },
  { name: QUARTER_REPORTS, holds: '季度通报', indexes: [] },
  { name: QUARTER_ROWS, holds: '季度通报的成员行', indexes: [['quarter', 'branchId']] },
  {
    name: QUARTER_UNITS,
    holds: '季度通报的单位行',
    indexes: [
      ['quarter', 'kind'],
      ['quarter', 'parentId'],
    ],
  },
  { name: QUESTIONS, holds: '题库', indexes: [['status'], ['link.kind', 'link.id']] },
  {
    name: DAILY_QUIZZES,
    holds: '每日答题（每人每天一条）',
    indexes: [
      ['memberId', 'day'],
      ['memberId', 'unsettled'],
    ],
  },
  { name: WRONG_BOOKS, holds: '错题本（每人一条）', indexes: [] },
  { name: CHAPTER_QUIZZES, holds: '章节小测', indexes: [] },
  { name: EXAMS, holds: '考试', indexes: [['status', 'closesAt'], ['createdAt']] },
  { name: EXAM_ATTEMPTS, holds: '答卷', indexes: [['examId'], ['memberId']] },
  {
    name: REFLECTIONS,
    holds: '学习心得',
    indexes: [
      ['memberId', 'submittedAt'],
      ['groupId', 'submittedAt'],
    ],
  },
  {
    name: MEETINGS,
    holds: '三会一课与主题党日',
    indexes: [
      ['unitId', 'startsAt'],
      ['branchId', 'startsAt'],
      ['status', 'startsAt'],
    ],
  },
  {
    name: MEETING_ATTENDANCE,
    holds: '会议签到与请假',
    indexes: [['meetingId'], ['memberId', 'startsAt']],
  },
  { name: LOCAL_FILES, holds: '导出的文件', indexes: [], localOnly: true },
  { name: LOCAL_DRAFTS, holds: '本地公众号的图文', indexes: [], localOnly: true },
]

/** The local store's options for a cloud of these collections: only their names open, their indexes served. */
export const REGISTERED = {
  collections: new Set(COLLECTIONS.map((c) => c.name)) as ReadonlySet<string>,
  indexes: COLLECTIONS.flatMap((c) => c.indexes.map((fields) => ({ collection: c.name, fields }))),
}
