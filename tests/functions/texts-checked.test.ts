import { preregisterMember } from '../../server/actions/preregisterMember'
import { saveArticle } from '../../server/actions/saveArticle'
import { saveBook } from '../../server/actions/saveBook'
import { saveChapter } from '../../server/actions/saveChapter'
import { saveUnit } from '../../server/actions/saveUnit'
import { saveWeeklyList } from '../../server/actions/saveWeeklyList'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { QUESTIONS } from '../../server/quiz/questions'
import { ARTICLES, BOOKS, CHAPTERS } from '../../server/content/docs'
import { createLocalPlatform } from '../../server/local-platform'
import { installPlatform } from '../../server/platform'
import { MEMBERS } from '../../server/members'
import { UNITS } from '../../server/units'
import { WEEKLY_LISTS } from '../../server/weekly/docs'
import { register } from '../../server/actions/register'
import { updateProfile } from '../../server/actions/updateProfile'
import { checkIn } from '../../server/actions/checkIn'
import { savePrompt } from '../../server/actions/savePrompt'
import { postReply } from '../../server/actions/postReply'
import { editReply } from '../../server/actions/editReply'
import { hideReply } from '../../server/actions/hideReply'
import { saveExam } from '../../server/actions/saveExam'
import { submitReflection } from '../../server/actions/submitReflection'
import { reviewReflection } from '../../server/actions/reviewReflection'
import { saveMeeting } from '../../server/actions/saveMeeting'
import { requestLeave } from '../../server/actions/requestLeave'
import { reviewLeave } from '../../server/actions/reviewLeave'
import { markAttendance } from '../../server/actions/markAttendance'
import { saveMeetingMinutes } from '../../server/actions/saveMeetingMinutes'
import { CHECKINS } from '../../server/checkin'
import { PROMPTS, REPLIES } from '../../server/discussion/docs'
import { EXAMS } from '../../server/quiz/exams'
import { REFLECTIONS } from '../../server/reflections/reflections'
import { MEETINGS } from '../../server/meetings/meetings'
import { MEETING_ATTENDANCE } from '../../server/meetings/attendance-docs'
import { contract, type Block } from '../../types'
import { allDocs, type TestCloud } from '../support/cloud'
import { addBook, addCategories } from '../support/content'
import { fieldsOf, isText, type Schema } from '../support/schema-walk'
import { addPublishedArticle, ok } from '../support/study'
import { openWeeklyCloud, weeklyInput } from '../support/weekly'

/**
 * Every text anyone writes is content-checked: a flagged word in any free-text field of any action's
 * input (written with a zero-width space inside it, too) is refused with the content check's
 * message, and nothing is stored. The contract is walked for its text fields (`text()` in
 * types/fields.ts), so a new one fails here until it has a case.
 */
const FLAGGED = ['违禁词', '违\u200b禁词']

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openWeeklyCloud('2026-11-20T02:00:00Z')
  await addCategories(cloud.db)
  await addBook(cloud.db, { _id: 'book-x', title: '一本书' })
})
afterEach(() => cloud.close())

const body = (block: Block): Block[] => [{ type: 'paragraph', text: '正文。' }, block]
const question = (over: Record<string, unknown>) => ({
  question: { type: 'single', stem: '题干', options: ['甲', '乙'], answer: [0], explanation: '解析', tags: ['标签'], ...over },
})
const article = { title: '标题', summary: '摘要', source: '来源', categoryId: 'economy', body: body({ type: 'paragraph', text: '第二段。' }) }

interface Case {
  /** The field's path in the action's input (`action.path`), with what varies after a space. */
  action: string
  fn: { main(event: unknown): Promise<unknown> }
  collection: string
  /** Who writes it (`wx-org` unless said). */
  who?: string
  /** Someone refused as such before any check (`wx-m1` unless said; null: the text is the caller's own). */
  outsider?: string | null
  /** What the write needs in place first, made through the actions; answers ids for the input. */
  setup?(): Promise<Record<string, string>>
  /** The input with `word` in the field under test. */
  input(word: string, made: Record<string, string>): unknown
}

const ESSAY = '读了这篇文章，我体会到读原著不能图快，要一段一段地读，每段停下来问问自己讲了什么，再想想和自己的工作有什么联系，收获就大了。'

/** 王组长's 党小组会 of group-1 this Friday afternoon (the clock starts at 10:00). */
const meeting = async () => ({
  meetingId: ok(
    await cloud.call(saveMeeting, 'wx-lead1', {
      unitId: 'group-1',
      kind: 'groupMeeting',
      title: '党小组会',
      startsAt: '2026-11-20T14:00:00+08:00',
      endsAt: '2026-11-20T16:00:00+08:00',
      place: '二楼',
      requestKey: 'texts-meeting',
    }),
  ).meeting._id,
})
/** The meeting, under way. */
const meetingBegun = async () => {
  const made = await meeting()
  cloud.clock.fix(new Date('2026-11-20T06:30:00Z'))
  return made
}
const prompt = async () => ({
  promptId: ok(await cloud.call(savePrompt, 'wx-lead1', { title: '谈谈体会', body: '读了本周的文章，说说你的体会。', requestKey: 'texts-prompt' }))._id,
})
const reply = async () => {
  const { promptId } = await prompt()
  return { promptId, replyId: ok(await cloud.call(postReply, 'wx-m1', { promptId, body: '我的体会是要坚持。', requestKey: 'texts-reply' }))._id }
}
const meetingInput = (over: Record<string, string>) => ({
  unitId: 'group-1',
  kind: 'groupMeeting',
  title: '党小组会',
  startsAt: '2026-11-20T14:00:00+08:00',
  endsAt: '2026-11-20T16:00:00+08:00',
  place: '二楼',
  ...over,
})
const examInput = (over: Record<string, string>) => ({
  title: '季度考核',
  unitId: 'committee',
  questions: { mode: 'draw', draws: [{ count: 1 }] },
  opensAt: '2026-11-21T09:00:00+08:00',
  closesAt: '2026-11-22T09:00:00+08:00',
  timeLimitMinutes: 10,
  passPercent: 60,
  attempts: 1,
  ...over,
})

const cases: Case[] = [
  { action: 'saveArticle.title', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, title: `关于${w}` }) },
  { action: 'saveArticle.summary', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, summary: w }) },
  { action: 'saveArticle.source', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, source: w }) },
  {
    action: 'saveArticle.body.text (paragraph)',
    fn: saveArticle,
    collection: ARTICLES,
    input: (w) => ({ ...article, body: body({ type: 'paragraph', text: `有${w}的段落` }) }),
  },
  {
    action: 'saveArticle.body.text (heading)',
    fn: saveArticle,
    collection: ARTICLES,
    input: (w) => ({ ...article, body: body({ type: 'heading', text: w }) }),
  },
  {
    action: 'saveArticle.body.cite',
    fn: saveArticle,
    collection: ARTICLES,
    input: (w) => ({ ...article, body: body({ type: 'quote', text: '引文', cite: w }) }),
  },
  {
    action: 'saveArticle.body.caption',
    fn: saveArticle,
    collection: ARTICLES,
    input: (w) => ({ ...article, body: body({ type: 'image', url: 'https://example.com/a.png', caption: w }) }),
  },
  { action: 'saveBook.title', fn: saveBook, collection: BOOKS, input: (w) => ({ title: w, author: '作者', summary: '简介', categoryId: 'history' }) },
  { action: 'saveBook.author', fn: saveBook, collection: BOOKS, input: (w) => ({ title: '书名', author: w, summary: '简介', categoryId: 'history' }) },
  { action: 'saveBook.summary', fn: saveBook, collection: BOOKS, input: (w) => ({ title: '书名', author: '作者', summary: w, categoryId: 'history' }) },
  {
    action: 'saveChapter.title',
    fn: saveChapter,
    collection: CHAPTERS,
    input: (w) => ({ bookId: 'book-x', title: w, body: body({ type: 'paragraph', text: '二' }) }),
  },
  {
    action: 'saveChapter.body.text',
    fn: saveChapter,
    collection: CHAPTERS,
    input: (w) => ({ bookId: 'book-x', title: '第一章', body: body({ type: 'paragraph', text: w }) }),
  },
  {
    action: 'saveChapter.body.cite',
    fn: saveChapter,
    collection: CHAPTERS,
    input: (w) => ({ bookId: 'book-x', title: '第一章', body: body({ type: 'quote', text: '引文', cite: w }) }),
  },
  {
    action: 'saveChapter.body.caption',
    fn: saveChapter,
    collection: CHAPTERS,
    input: (w) => ({ bookId: 'book-x', title: '第一章', body: body({ type: 'image', url: 'https://example.com/a.png', caption: w }) }),
  },
  { action: 'saveUnit.name', fn: saveUnit, collection: UNITS, input: (w) => ({ kind: 'branch', name: `${w}支部` }) },
  { action: 'preregisterMember.name', fn: preregisterMember, collection: MEMBERS, input: (w) => ({ name: w, phone: '13800001234', groupId: 'group-1' }) },
  { action: 'saveWeeklyList.intro', fn: saveWeeklyList, collection: WEEKLY_LISTS, input: (w) => weeklyInput({ intro: w }) },
  {
    action: 'saveWeeklyList.items.title',
    fn: saveWeeklyList,
    collection: WEEKLY_LISTS,
    input: (w) =>
      weeklyInput({
        items: [
          { kind: 'article', refId: 'wk-a1', required: true },
          { kind: 'link', title: w, url: 'https://www.xuexi.cn/', required: false },
        ],
      }),
  },
  { action: 'saveQuestion.question.stem', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ stem: `关于${w}的题` }) },
  { action: 'saveQuestion.question.options', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ options: ['甲', w] }) },
  { action: 'saveQuestion.question.explanation', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ explanation: w }) },
  { action: 'saveQuestion.question.tags', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ tags: [w] }) },
  {
    action: 'saveExam.title',
    fn: saveExam,
    collection: EXAMS,
    setup: async () => (ok(await cloud.call(saveQuestion, 'wx-org', question({}))), {}),
    input: (w) => examInput({ title: `${w}考核` }),
  },
  {
    action: 'saveExam.intro',
    fn: saveExam,
    collection: EXAMS,
    setup: async () => (ok(await cloud.call(saveQuestion, 'wx-org', question({}))), {}),
    input: (w) => examInput({ intro: w }),
  },
  {
    action: 'register.name',
    fn: register,
    collection: MEMBERS,
    who: 'wx-newcomer',
    outsider: null,
    setup: async () => ({ code: (await cloud.addInvitation({ _id: 'TEXTS234' }))._id }),
    input: (w, m) => ({ name: w, code: m.code }),
  },
  { action: 'updateProfile.displayName', fn: updateProfile, collection: MEMBERS, who: 'wx-m1', outsider: null, input: (w) => ({ displayName: w }) },
  { action: 'checkIn.reflection', fn: checkIn, collection: CHECKINS, who: 'wx-m1', outsider: null, input: (w) => ({ reflection: `今天${w}` }) },
  { action: 'savePrompt.title', fn: savePrompt, collection: PROMPTS, who: 'wx-lead1', input: (w) => ({ title: w, body: '说说体会' }) },
  { action: 'savePrompt.body', fn: savePrompt, collection: PROMPTS, who: 'wx-lead1', input: (w) => ({ title: '讨论', body: w }) },
  {
    action: 'savePrompt.link.title',
    fn: savePrompt,
    collection: PROMPTS,
    who: 'wx-lead1',
    input: (w) => ({ title: '讨论', body: '说说体会', link: { kind: 'article', id: 'wk-a1', title: w } }),
  },
  {
    action: 'postReply.body',
    fn: postReply,
    collection: REPLIES,
    who: 'wx-m1',
    outsider: 'wx-t3',
    setup: prompt,
    input: (w, m) => ({ promptId: m.promptId, body: w }),
  },
  {
    action: 'editReply.body',
    fn: editReply,
    collection: REPLIES,
    who: 'wx-m1',
    outsider: 'wx-t1',
    setup: reply,
    input: (w, m) => ({ id: m.replyId, body: w }),
  },
  {
    action: 'hideReply.reason',
    fn: hideReply,
    collection: REPLIES,
    who: 'wx-lead1',
    outsider: 'wx-t1',
    setup: reply,
    input: (w, m) => ({ id: m.replyId, reason: w }),
  },
  {
    action: 'submitReflection.body',
    fn: submitReflection,
    collection: REFLECTIONS,
    who: 'wx-m1',
    outsider: null,
    setup: async () => (await addPublishedArticle(cloud, 'texts-a'), {}),
    input: (w) => ({ target: { kind: 'article', id: 'texts-a' }, body: `${ESSAY}${w}`, requestKey: 'texts-reflection' }),
  },
  {
    action: 'reviewReflection.comment',
    fn: reviewReflection,
    collection: REFLECTIONS,
    who: 'wx-lead1',
    setup: async () => {
      await addPublishedArticle(cloud, 'texts-a')
      return {
        id: ok(await cloud.call(submitReflection, 'wx-t1', { target: { kind: 'article', id: 'texts-a' }, body: ESSAY, requestKey: 'texts-reflection' }))._id,
      }
    },
    input: (w, m) => ({ id: m.id, decision: 'return', comment: w }),
  },
  { action: 'saveMeeting.title', fn: saveMeeting, collection: MEETINGS, who: 'wx-lead1', input: (w) => meetingInput({ title: w }) },
  { action: 'saveMeeting.place', fn: saveMeeting, collection: MEETINGS, who: 'wx-lead1', input: (w) => meetingInput({ place: w }) },
  { action: 'saveMeeting.agenda', fn: saveMeeting, collection: MEETINGS, who: 'wx-lead1', input: (w) => meetingInput({ agenda: w }) },
  {
    action: 'requestLeave.reason',
    fn: requestLeave,
    collection: MEETING_ATTENDANCE,
    who: 'wx-m1',
    outsider: 'wx-t3',
    setup: meeting,
    input: (w, m) => ({ meetingId: m.meetingId, reason: w }),
  },
  {
    action: 'reviewLeave.comment',
    fn: reviewLeave,
    collection: MEETING_ATTENDANCE,
    who: 'wx-lead1',
    setup: async () => {
      const made = await meeting()
      ok(await cloud.call(requestLeave, 'wx-m1', { meetingId: made.meetingId, reason: '出差' }))
      return made
    },
    input: (w, m) => ({ meetingId: m.meetingId, memberId: 'm1', approve: false, comment: w }),
  },
  {
    action: 'markAttendance.note',
    fn: markAttendance,
    collection: MEETING_ATTENDANCE,
    who: 'wx-lead1',
    setup: meetingBegun,
    input: (w, m) => ({ meetingId: m.meetingId, memberId: 't1', note: w }),
  },
  {
    action: 'saveMeetingMinutes.minutes',
    fn: saveMeetingMinutes,
    collection: MEETINGS,
    who: 'wx-lead1',
    setup: meetingBegun,
    input: (w, m) => ({ meetingId: m.meetingId, minutes: w }),
  },
]

/** What the flagged words may stand in and need not be checked: nothing stored is read by anyone. */
const NOT_STORED = new Map([['saveExam.questions.draws.tag', 'a filter on the question bank’s tags, which are checked when a question is saved']])

test('every text field of every action’s input has a case here', () => {
  const fields = Object.entries(contract).flatMap(([action, { input }]) =>
    fieldsOf(input as unknown as Schema)
      .filter((f) => isText(f.schema))
      .map((f) => `${action}.${f.path}`),
  )
  const covered = new Set(cases.map((c) => c.action.split(' ')[0]))
  expect([...new Set(fields)].filter((f) => !covered.has(f) && !NOT_STORED.has(f))).toEqual([])
  expect([...covered].filter((f) => !fields.includes(f))).toEqual([])
})

test.each(cases.map((c) => [c.action, c] as const))('%s: a flagged word is refused and nothing is stored', async (_name, c) => {
  const made = (await c.setup?.()) ?? {}
  const who = c.who ?? 'wx-org'
  const before = await allDocs(cloud.db, c.collection)
  for (const word of FLAGGED) {
    expect(await cloud.call(c.fn, who, c.input(word, made))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '内容含有不适宜发布的信息，请修改后再提交',
    })
  }
  expect(await allDocs(cloud.db, c.collection)).toEqual(before)
  // The same input without the word is stored: the refusal was the word's.
  expect(await cloud.call(c.fn, who, c.input('学习', made))).toMatchObject({ ok: true })
})

test.each(cases.filter((c) => c.outsider !== null).map((c) => [c.action, c] as const))(
  '%s: a caller without the right is refused as such, before any check',
  async (_name, c) => {
    const made = (await c.setup?.()) ?? {}
    const checked: string[] = []
    installPlatform(createLocalPlatform(cloud.db, cloud.clock, { contentCheck: { check: async (r) => (checked.push(r.text), 'risky') } }))
    expect(await cloud.call(c.fn, c.outsider ?? 'wx-m1', c.input('违禁词', made))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(checked).toEqual([])
  },
)
