import { getBook } from '../../server/actions/getBook'
import { getChapterQuiz } from '../../server/actions/getChapterQuiz'
import { getDailyQuiz } from '../../server/actions/getDailyQuiz'
import { getMyPoints } from '../../server/actions/getMyPoints'
import { listQuestions } from '../../server/actions/listQuestions'
import { listWrongAnswers } from '../../server/actions/listWrongAnswers'
import { retireQuestion } from '../../server/actions/retireQuestion'
import { retryWrongAnswer } from '../../server/actions/retryWrongAnswer'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { saveScoreRules } from '../../server/actions/saveScoreRules'
import { submitChapterQuiz } from '../../server/actions/submitChapterQuiz'
import { submitDailyQuiz } from '../../server/actions/submitDailyQuiz'
import { reconcileScores } from '../../cloudfunctions/reconcileScores'
import { AUDIT } from '../../server/audit'
import { DAILY_QUIZZES } from '../../server/quiz/daily'
import { QUESTIONS } from '../../server/quiz/questions'
import * as ledger from '../../server/scoring/ledger'
import { SCORE_ENTRIES } from '../../server/scoring/ledger'
import { DEFAULT_RULES } from '../../server/scoring/rules'
import { WEEKLY_LISTS } from '../../server/weekly/docs'
import type { ActionInput, GetDailyQuizOutput } from '../../types'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addBook } from '../support/content'
import { addPublishedArticle, ok } from '../support/study'
import { completeReading } from '../support/weekly'

// Wednesday 2026-11-25, 10:00 in Beijing.
const WEDNESDAY = '2026-11-25T02:00:00Z'

let cloud: TestCloud
/** Questions added in this test: each gets its own request key, so its id is the same on every run and a draw is too. */
let added = 0
beforeEach(async () => {
  added = 0
  cloud = await openTestCloud(WEDNESDAY)
  await cloud.addCast()
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

type QuestionInput = ActionInput<'saveQuestion'>['question']
/** A 单选题 whose right answer is B (1). */
const single = (stem: string, over: Partial<QuestionInput> = {}): QuestionInput => ({
  type: 'single',
  stem,
  options: ['甲', '乙', '丙'],
  answer: [1],
  explanation: `${stem}：选乙`,
  ...over,
})

/** Adds questions through the admin's function; answers their ids. */
async function addQuestions(inputs: QuestionInput[]): Promise<string[]> {
  const ids: string[] = []
  for (const question of inputs) ids.push(ok(await cloud.call(saveQuestion, 'wx-org', { question, requestKey: `bank-question-${++added}` }))._id)
  return ids
}
const bankOf = (n: number, over: Partial<QuestionInput> = {}) => addQuestions(Array.from({ length: n }, (_, i) => single(`第${i + 1}题`, over)))

const quiz = async (member = 'm1'): Promise<GetDailyQuizOutput> => ok(await cloud.call(getDailyQuiz, `wx-${member}`, {}))
const answer = (member: string, questionId: string, choice: number[]) => cloud.call(submitDailyQuiz, `wx-${member}`, { questionId, choice })
const at = (iso: string) => cloud.clock.fix(new Date(iso))
const quizEntries = async (memberId = 'm1') => (await allDocs(cloud.db, SCORE_ENTRIES)).filter((e) => e.kind === 'quiz' && e.memberId === memberId)

describe('the question bank', () => {
  it('takes a question from a branch or committee admin, audited; a retry with the same key adds nothing more', async () => {
    const input = { question: single('什么是精读？', { tags: ['读书', '读书'] }), requestKey: 'question-key-1' }
    const first = ok(await cloud.call(saveQuestion, 'wx-ba1', input))
    expect(first).toMatchObject({
      type: 'single',
      stem: '什么是精读？',
      options: ['甲', '乙', '丙'],
      answer: [1],
      tags: ['读书'],
      difficulty: 2,
      link: null,
      status: 'active',
    })
    expect(ok(await cloud.call(saveQuestion, 'wx-ba1', input))._id).toBe(first._id)
    expect(await allDocs(cloud.db, QUESTIONS)).toHaveLength(1)
    expect((await allDocs(cloud.db, AUDIT)).map((e) => [e.action, e.targetName])).toEqual([['question.create', '什么是精读？']])
  })

  it('gives a 判断题 the options 对 and 错 whatever was sent', async () => {
    const q = ok(await cloud.call(saveQuestion, 'wx-org', { question: { type: 'judge', stem: '学习要持之以恒。', answer: [0], explanation: '对。' } }))
    expect(q).toMatchObject({ options: ['对', '错'], answer: [0] })
  })

  it.each([
    ['a 单选题 with two answers', single('题', { answer: [0, 1] }), '单选题只能有一个正确答案'],
    ['a 多选题 with one answer', single('题', { type: 'multiple', answer: [0] }), '多选题至少要有两个正确答案（只有一个请改为单选题）'],
    ['an answer that is no option', single('题', { answer: [3] }), '答案中的选项不存在'],
    ['one option', single('题', { options: ['甲'], answer: [0] }), '选择题至少要有 2 个选项'],
    ['the same option twice', single('题', { options: ['甲', '甲'], answer: [0] }), '选项中有重复的内容'],
    ['a 判断题 with both answers', { type: 'judge', stem: '题', answer: [0, 1], explanation: '解析' } as QuestionInput, '判断题的答案应为「对」或「错」之一'],
    ['no explanation', single('题', { explanation: ' ' }), '解析不能为空'],
    ['difficulty 4', single('题', { difficulty: 4 }), '难度应为 1、2 或 3'],
  ])('refuses %s with a clear message, and writes nothing', async (_what, question, message) => {
    expect(await cloud.call(saveQuestion, 'wx-org', { question })).toEqual({ ok: false, code: 'INVALID_INPUT', message })
    expect(await allDocs(cloud.db, QUESTIONS)).toHaveLength(0)
  })

  it('edits and retires a question, each audited; the list finds it by a tag or words of the stem', async () => {
    const [id] = await addQuestions([single('预算支出分几类？', { tags: ['预算'] }), single('什么是口径？', { tags: ['统计'] })])
    ok(await cloud.call(saveQuestion, 'wx-org', { id, question: single('预算支出一般分为哪两类？', { tags: ['预算', '财政'] }) }))
    ok(await cloud.call(retireQuestion, 'wx-org', { id, retired: true }))
    const byTag = ok(await cloud.call(listQuestions, 'wx-org', { query: '财政' }))
    expect(byTag.items.map((q) => [q.stem, q.status])).toEqual([['预算支出一般分为哪两类？', 'retired']])
    expect(byTag.tags).toEqual(['统计', '财政', '预算'].sort())
    expect(ok(await cloud.call(listQuestions, 'wx-org', { query: '口径' })).items.map((q) => q.stem)).toEqual(['什么是口径？'])
    expect(ok(await cloud.call(listQuestions, 'wx-org', { status: 'active' })).items.map((q) => q.stem)).toEqual(['什么是口径？'])
    expect((await allDocs(cloud.db, AUDIT)).map((e) => e.action)).toEqual(['question.create', 'question.create', 'question.update', 'question.retire'])
  })

  it('pages the bank 20 at a time, newest first, without repeating or skipping', async () => {
    await bankOf(25)
    const first = ok(await cloud.call(listQuestions, 'wx-org', {}))
    const second = ok(await cloud.call(listQuestions, 'wx-org', { cursor: first.nextCursor! }))
    expect(first.items).toHaveLength(20)
    expect(second).toMatchObject({ nextCursor: null })
    expect(new Set([...first.items, ...second.items].map((q) => q._id)).size).toBe(25)
  })
})

describe('每日答题', () => {
  it('draws five questions without their answers, the same five on every open of the day', async () => {
    await bankOf(12)
    const first = await quiz()
    expect(first.questions).toHaveLength(5)
    expect(first.questions[0]).toEqual({ _id: expect.any(String), type: 'single', stem: expect.any(String), options: ['甲', '乙', '丙'] })
    expect(first).toMatchObject({ day: '2026-11-25', answers: [], points: 0, each: 1, cap: 5 })
    expect((await quiz()).questions).toEqual(first.questions)
  })

  it('draws once when the day’s first two opens come at once', async () => {
    await bankOf(12)
    const [a, b] = await Promise.all([quiz(), quiz()])
    expect(a.questions).toEqual(b.questions)
    expect(await allDocs(cloud.db, DAILY_QUIZZES)).toHaveLength(1)
  })

  it('tells right from wrong at once, with the explanation, and scores each right answer once', async () => {
    await bankOf(8)
    const [q1, q2] = (await quiz()).questions
    const right = ok(await answer('m1', q1._id, [1]))
    expect(right).toEqual({
      answer: { questionId: q1._id, choice: [1], correct: true, answer: [1], explanation: `${q1.stem}：选乙`, link: null },
      answered: 1,
      correct: 1,
      points: 1,
    })
    // The same question again (a retry, or a second tap with another choice): what was stored stands.
    expect(ok(await answer('m1', q1._id, [0]))).toEqual(right)
    const wrong = ok(await answer('m1', q2._id, [2]))
    expect(wrong).toMatchObject({ answer: { correct: false, choice: [2], answer: [1] }, answered: 2, correct: 1, points: 1 })
    expect(await quizEntries()).toHaveLength(1)
    expect((await quiz()).answers.map((a) => [a.questionId, a.correct])).toEqual([
      [q1._id, true],
      [q2._id, false],
    ])
    const points = ok(await cloud.call(getMyPoints, 'wx-m1', {}))
    expect(points.kinds.find((k) => k.kind === 'quiz')).toEqual({ kind: 'quiz', quantity: 1, points: 1, cap: 5, per: 1, each: 1 })
  })

  it('counts concurrent answers to the same question once', async () => {
    await bankOf(6)
    const [q] = (await quiz()).questions
    const results = await Promise.all([answer('m1', q._id, [1]), answer('m1', q._id, [0]), answer('m1', q._id, [1])])
    const answers = results.map((r) => ok(r).answer)
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(await quizEntries()).toHaveLength(answers[0].correct ? 1 : 0)
  })

  it('scores under the rules of the day answered: a cap of 3 from tomorrow holds tomorrow', async () => {
    ok(
      await cloud.call(saveScoreRules, 'wx-org', {
        ...DEFAULT_RULES,
        kinds: { ...DEFAULT_RULES.kinds, quiz: { points: 1, per: 1, dailyCap: 3 } },
        effectiveFrom: '2026-11-26',
      }),
    )
    await bankOf(15)
    for (const q of (await quiz()).questions) ok(await answer('m1', q._id, [1]))
    expect((await quiz()).points).toBe(5)
    at('2026-11-26T02:00:00Z')
    const tomorrow = await quiz()
    for (const q of tomorrow.questions) ok(await answer('m1', q._id, [1]))
    expect(await quiz()).toMatchObject({ points: 3, cap: 3 })
    const points = ok(await cloud.call(getMyPoints, 'wx-m1', {}))
    expect(points.dayPoints).toMatchObject({ '2026-11-25': 5, '2026-11-26': 3 })
  })

  it('refuses a choice that does not fit the question, and a question not among today’s, storing nothing', async () => {
    await bankOf(6)
    const [q] = (await quiz()).questions
    expect(await answer('m1', q._id, [0, 1])).toEqual({ ok: false, code: 'INVALID_INPUT', message: '这道题只能选一个答案' })
    expect(await answer('m1', q._id, [5])).toEqual({ ok: false, code: 'INVALID_INPUT', message: '所选的选项不存在' })
    expect(await answer('m1', 'q-none', [0])).toEqual({ ok: false, code: 'NOT_FOUND', message: '这道题不在今天的题目里，请刷新后再答' })
    expect(await answer('m1', q._id, [])).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请选择答案' })
    expect((await quiz()).answers).toEqual([])
  })

  it('starts a new day at midnight in Beijing: yesterday’s questions can no longer be answered', async () => {
    await bankOf(5)
    at('2026-11-25T15:59:59Z') // 23:59:59 on the 25th in Beijing
    const late = await quiz()
    expect(late.day).toBe('2026-11-25')
    for (const q of late.questions.slice(0, 4)) ok(await answer('m1', q._id, [1]))
    at('2026-11-25T16:00:00Z') // 00:00 on the 26th
    const next = await quiz()
    expect(next).toMatchObject({ day: '2026-11-26', answers: [], points: 0 })
    // The one left unanswered is drawn again; the four answered are not, and can't be answered again.
    expect(next.questions.map((q) => q._id)).toEqual([late.questions[4]._id])
    expect(await answer('m1', late.questions[0]._id, [1])).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('draws nothing answered in the last 30 days: fewer questions when the bank runs out, all again after', async () => {
    await bankOf(7)
    const first = await quiz()
    for (const q of first.questions) ok(await answer('m1', q._id, [1]))
    at('2026-11-26T02:00:00Z')
    const second = await quiz()
    expect(second.questions).toHaveLength(2)
    expect(second.questions.map((q) => q._id).some((id) => first.questions.some((f) => f._id === id))).toBe(false)
    for (const q of second.questions) ok(await answer('m1', q._id, [1]))
    at('2026-11-27T02:00:00Z')
    expect((await quiz()).questions).toHaveLength(0)
    // 30 days after the first day (the 25th counts as day 1 of the window ending on 24 December).
    at('2026-12-25T02:00:00Z')
    expect((await quiz()).questions.map((q) => q._id).sort()).toEqual(first.questions.map((q) => q._id).sort())
  })

  it('never draws a retired question', async () => {
    const ids = await bankOf(6)
    for (const id of ids.slice(0, 4)) ok(await cloud.call(retireQuestion, 'wx-org', { id, retired: true }))
    expect((await quiz()).questions.map((q) => q._id).sort()).toEqual(ids.slice(4).sort())
  })

  it('favours questions on this week’s 每周一学 items', async () => {
    await addPublishedArticle(cloud, 'wk-a1', { title: '学习党章' })
    const linked = await bankOf(5, { link: { kind: 'article', id: 'wk-a1' } })
    await bankOf(35)
    const item = { key: 'i1', kind: 'article', refId: 'wk-a1', title: '学习党章', bookTitle: null, url: null, minutes: 1, required: true }
    await cloud.db.collection(WEEKLY_LISTS).add({
      data: {
        _id: 'list-1',
        week: '2026-11-23',
        intro: '本周',
        targetMinutes: 30,
        branchIds: [],
        items: [item],
        status: 'published',
        publishedTo: 10,
        createdBy: 'org',
        createdAt: WEDNESDAY,
        updatedAt: WEDNESDAY,
      },
    })
    // Every member's draw on each day left of the list's week (nothing answered, so nothing is held back).
    let drawn = 0
    let fromList = 0
    for (const day of ['25', '26', '27', '28', '29']) {
      at(`2026-11-${day}T02:00:00Z`)
      for (const member of ['m1', 'lead1', 'ba1', 'org', 't1', 't2', 't3']) {
        const ids = (await quiz(member)).questions.map((q) => q._id)
        drawn += ids.length
        fromList += ids.filter((id) => linked.includes(id)).length
      }
    }
    // Without the weight, 5 of 40 questions: 1 in 8 of those drawn; with it, about 2 in 7.
    expect(drawn).toBe(175)
    expect(fromList / drawn).toBeGreaterThan(0.2)
  })

  it('draws a question on an article only once the article is out', async () => {
    await addPublishedArticle(cloud, 'later', { title: '下周的文章', status: 'scheduled', scheduledFor: '2026-11-30', publishedOn: undefined })
    const [early] = await addQuestions([single('下周文章的题', { link: { kind: 'article', id: 'later' } })])
    await bankOf(3)
    expect((await quiz()).questions.map((q) => q._id)).not.toContain(early)
    await cloud.db
      .collection('articles')
      .doc('later')
      .update({ data: { status: 'published', publishedOn: '2026-11-26' } })
    at('2026-11-26T02:00:00Z')
    expect((await quiz()).questions.map((q) => q._id)).toContain(early)
  })

  it('settles the point of an answer whose request died after storing it, on the next open', async () => {
    await bankOf(6)
    const [q] = (await quiz()).questions
    jest.spyOn(ledger, 'recordScore').mockRejectedValueOnce(new Error('network'))
    expect(await answer('m1', q._id, [1])).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await quizEntries()).toHaveLength(0)
    expect((await quiz()).points).toBe(1)
    expect(await quizEntries()).toHaveLength(1)
    expect((await quiz()).points).toBe(1)
    expect(await quizEntries()).toHaveLength(1)
  })

  it('settles it in the nightly reconciliation when the member does not come back', async () => {
    await bankOf(6)
    const [q] = (await quiz()).questions
    jest.spyOn(ledger, 'recordScore').mockRejectedValueOnce(new Error('network'))
    expect(await answer('m1', q._id, [1])).toMatchObject({ ok: false })
    at('2026-11-25T18:30:00Z') // 02:30 on the 26th
    ok(await cloud.call(reconcileScores, undefined, { Type: 'Timer' }))
    expect((await quizEntries()).map((e) => e.day)).toEqual(['2026-11-25'])
    expect((await allDocs(cloud.db, DAILY_QUIZZES))[0]).toMatchObject({ unsettled: 0, pending: {} })
  })
})

describe('错题本', () => {
  async function missOne(): Promise<string> {
    await bankOf(6)
    const [q] = (await quiz()).questions
    ok(await answer('m1', q._id, [0]))
    return q._id
  }
  const retry = (questionId: string, choice: number[], requestKey: string) => cloud.call(retryWrongAnswer, 'wx-m1', { questionId, choice, requestKey })

  it('keeps each question answered wrong, without its answer until retried', async () => {
    const id = await missOne()
    expect(ok(await cloud.call(listWrongAnswers, 'wx-m1', {}))).toEqual({
      items: [{ question: { _id: id, type: 'single', stem: expect.any(String), options: ['甲', '乙', '丙'] }, wrong: 1, rights: 0, lastWrongOn: '2026-11-25' }],
      total: 1,
    })
    expect(ok(await cloud.call(listWrongAnswers, 'wx-t1', {}))).toEqual({ items: [], total: 0 })
  })

  it('clears a question answered right twice; a wrong answer between starts the count again', async () => {
    const id = await missOne()
    expect(ok(await retry(id, [1], 'retry-key-01'))).toMatchObject({ answer: { correct: true, explanation: expect.any(String) }, rights: 1, cleared: false })
    expect(ok(await retry(id, [2], 'retry-key-02'))).toMatchObject({ answer: { correct: false, answer: [1] }, rights: 0, cleared: false })
    expect(ok(await retry(id, [1], 'retry-key-03'))).toMatchObject({ rights: 1, cleared: false })
    expect(ok(await cloud.call(listWrongAnswers, 'wx-m1', {})).items[0]).toMatchObject({ wrong: 2, rights: 1 })
    expect(ok(await retry(id, [1], 'retry-key-04'))).toMatchObject({ rights: 2, cleared: true })
    expect(ok(await cloud.call(listWrongAnswers, 'wx-m1', {}))).toEqual({ items: [], total: 0 })
    expect(await retry(id, [1], 'retry-key-05')).toEqual({ ok: false, code: 'NOT_FOUND', message: '这道题已不在错题本里' })
  })

  it('counts a repeated retry (same request key) once, and gives it the same answer', async () => {
    const id = await missOne()
    const first = ok(await retry(id, [1], 'retry-key-11'))
    expect(ok(await retry(id, [1], 'retry-key-11'))).toEqual(first)
    expect(ok(await cloud.call(listWrongAnswers, 'wx-m1', {})).items[0]).toMatchObject({ rights: 1 })
  })

  it('never scores points: the 错题本 is for learning', async () => {
    const id = await missOne()
    ok(await retry(id, [1], 'retry-key-21'))
    expect(await quizEntries()).toHaveLength(0)
  })
})

describe('章节小测', () => {
  const CHAPTER = 'book-q-c1'
  const getQuiz = async (member = 'm1') => ok(await cloud.call(getChapterQuiz, `wx-${member}`, { chapterId: CHAPTER }))
  const submitQuiz = (answers: { questionId: string; choice: number[] }[], requestKey: string, member = 'm1') =>
    cloud.call(submitChapterQuiz, `wx-${member}`, { chapterId: CHAPTER, answers, requestKey })
  /** The chapter with four questions written for it (the quiz takes three) and one retired. */
  async function chapterWithQuestions(): Promise<string[]> {
    await addBook(cloud.db, { _id: 'book-q', title: '小测之书' })
    const link = { kind: 'chapter' as const, id: CHAPTER }
    const ids = await addQuestions(['一', '二', '三', '四', '五'].map((n) => single(`第一章第${n}题`, { link })))
    ok(await cloud.call(retireQuestion, 'wx-org', { id: ids[4], retired: true }))
    return ids.slice(0, 4).sort().slice(0, 3)
  }
  const answersFor = (ids: string[], rightCount: number) => ids.map((questionId, i) => ({ questionId, choice: i < rightCount ? [1] : [0] }))

  it('opens once the chapter is completed, with three of its questions and no answers', async () => {
    const ids = await chapterWithQuestions()
    expect(await getQuiz()).toMatchObject({
      chapterId: CHAPTER,
      bookTitle: '小测之书',
      completed: false,
      questions: [],
      passMark: 2,
      attempts: 0,
      masteredAt: null,
    })
    expect(await submitQuiz(answersFor(ids, 3), 'chapter-key-01')).toEqual({ ok: false, code: 'CONFLICT', message: '读完这一章后才能做小测' })
    await completeReading(cloud, 'm1', 'chapter', CHAPTER)
    const open = await getQuiz()
    expect(open.questions.map((q) => q._id)).toEqual(ids)
    expect(open.questions[0]).toEqual({ _id: ids[0], type: 'single', stem: expect.any(String), options: ['甲', '乙', '丙'] })
  })

  it('marks the chapter 已掌握 with two of three right; the book page shows it, and a later pass keeps the first time', async () => {
    const ids = await chapterWithQuestions()
    await completeReading(cloud, 'm1', 'chapter', CHAPTER)
    const passedAt = cloud.clock.now().toISOString()
    const passed = ok(await submitQuiz(answersFor(ids, 2), 'chapter-key-02'))
    expect(passed).toMatchObject({ right: 2, total: 3, passed: true, masteredAt: passedAt })
    expect(passed.answers.map((a) => [a.correct, a.explanation])).toEqual([
      [true, expect.stringContaining('选乙')],
      [true, expect.any(String)],
      [false, expect.any(String)],
    ])
    const book = ok(await cloud.call(getBook, 'wx-m1', { id: 'book-q' }))
    expect(book.chapters.map((c) => [c._id, c.hasQuiz, c.progress.masteredAt])).toEqual([
      [CHAPTER, true, passedAt],
      ['book-q-c2', false, null],
    ])
    at('2026-11-26T02:00:00Z')
    expect(ok(await submitQuiz(answersFor(ids, 3), 'chapter-key-03'))).toMatchObject({ passed: true, masteredAt: passedAt })
    expect(await getQuiz()).toMatchObject({ attempts: 2 })
  })

  it('shows only the explanations when failed; a later try can pass', async () => {
    const ids = await chapterWithQuestions()
    await completeReading(cloud, 'm1', 'chapter', CHAPTER)
    expect(ok(await submitQuiz(answersFor(ids, 1), 'chapter-key-04'))).toMatchObject({ right: 1, total: 3, passed: false, masteredAt: null })
    // A question left unanswered is wrong.
    expect(ok(await submitQuiz(answersFor(ids, 2).slice(0, 2), 'chapter-key-05'))).toMatchObject({ right: 2, passed: true })
  })

  it('answers a repeated submission (same key) with its first result, counting one attempt', async () => {
    const ids = await chapterWithQuestions()
    await completeReading(cloud, 'm1', 'chapter', CHAPTER)
    const results = await Promise.all(Array.from({ length: 20 }, () => submitQuiz(answersFor(ids, 1), 'chapter-key-06')))
    expect(new Set(results.map((r) => JSON.stringify(ok(r)))).size).toBe(1)
    expect(await getQuiz()).toMatchObject({ attempts: 1, masteredAt: null })
  })

  it('refuses an answer to a question that is not in the quiz, and one that does not fit, writing nothing', async () => {
    const ids = await chapterWithQuestions()
    await completeReading(cloud, 'm1', 'chapter', CHAPTER)
    expect(await submitQuiz([{ questionId: 'q-other', choice: [0] }], 'chapter-key-07')).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '答案中有不属于这次小测的题目，请刷新后再答',
    })
    expect(await submitQuiz([{ questionId: ids[0], choice: [0, 1] }], 'chapter-key-08')).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '这道题只能选一个答案',
    })
    expect(await getQuiz()).toMatchObject({ attempts: 0 })
  })
})
