import { getExamAttempt } from '../../server/actions/getExamAttempt'
import { getExamResults } from '../../server/actions/getExamResults'
import { listExams } from '../../server/actions/listExams'
import { listManagedExams } from '../../server/actions/listManagedExams'
import { publishExam } from '../../server/actions/publishExam'
import { retireQuestion } from '../../server/actions/retireQuestion'
import { saveExam } from '../../server/actions/saveExam'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { startExamAttempt } from '../../server/actions/startExamAttempt'
import { submitExamAttempt } from '../../server/actions/submitExamAttempt'
import { AUDIT } from '../../server/audit'
import { EXAM_ATTEMPTS } from '../../server/quiz/exam-attempts'
import { EXAMS } from '../../server/quiz/exams'
import type { ActionInput, ExamPaper } from '../../types'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addPublishedArticle, ok } from '../support/study'
import { grant } from '../support/weekly'

// Monday 2026-11-23, 10:00 in Beijing: the admins prepare this week's 季度考核.
const MONDAY = '2026-11-23T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(MONDAY)
  await cloud.addCast()
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const at = (iso: string) => cloud.clock.fix(new Date(iso))
const later = (seconds: number) => cloud.clock.fix(new Date(cloud.clock.now().getTime() + seconds * 1000))

/** Questions B-right, tagged 党章 (four, difficulty 1) and 经济 (four, difficulty 2). */
async function bank(): Promise<string[]> {
  const ids: string[] = []
  for (const [tag, difficulty] of [
    ['党章', 1],
    ['经济', 2],
  ] as const) {
    for (let i = 1; i <= 4; i++) {
      const question = {
        type: 'single' as const,
        stem: `${tag}第${i}题`,
        options: ['甲', '乙', '丙'],
        answer: [1],
        explanation: `${tag}第${i}题选乙`,
        tags: [tag],
        difficulty,
      }
      ids.push(ok(await cloud.call(saveQuestion, 'wx-org', { question }))._id)
    }
  }
  return ids
}

type ExamInput = ActionInput<'saveExam'>
const examInput = (questions: ExamInput['questions'], over: Partial<ExamInput> = {}): ExamInput => ({
  title: '第四季度学习考核',
  intro: '考考本季度学了什么',
  unitId: 'branch-1',
  questions,
  opensAt: '2026-11-23T12:00:00+08:00',
  closesAt: '2026-11-30T18:00:00+08:00',
  timeLimitMinutes: 20,
  passPercent: 60,
  attempts: 2,
  ...over,
})

/** A published exam of branch-1 on the first four 党章 questions. */
async function publishedExam(over: Partial<ExamInput> = {}) {
  const ids = await bank()
  const exam = ok(await cloud.call(saveExam, 'wx-ba1', examInput({ mode: 'fixed', questionIds: ids.slice(0, 4) }, over)))
  ok(await cloud.call(publishExam, 'wx-ba1', { id: exam._id }))
  return { exam, ids }
}
const start = (member: string, examId: string, key = `start-${member}-${Math.random().toString(36).slice(2, 10)}`) =>
  cloud.call(startExamAttempt, `wx-${member}`, { examId, requestKey: key })
/** Answers the paper with `right` questions right (B) and the rest wrong (A). */
const answers = (paper: ExamPaper, right: number) => paper.questions.map((q, i) => ({ questionId: q._id, choice: [i < right ? 1 : 0] }))
const submit = (member: string, paper: ExamPaper, right: number) =>
  cloud.call(submitExamAttempt, `wx-${member}`, { attemptId: paper.attemptId, answers: answers(paper, right) })

describe('composing and publishing', () => {
  it('saves a draft for a branch from its admin, audited, with the questions each attempt has', async () => {
    const ids = await bank()
    const exam = ok(
      await cloud.call(
        saveExam,
        'wx-ba1',
        examInput({
          mode: 'draw',
          draws: [
            { tag: '党章', count: 3 },
            { difficulty: 2, count: 2 },
          ],
        }),
      ),
    )
    expect(exam).toMatchObject({
      unitId: 'branch-1',
      unitName: '第一党支部',
      status: 'draft',
      questionCount: 5,
      editable: true,
      opensAt: '2026-11-23T04:00:00.000Z',
    })
    expect(ids).toHaveLength(8)
    expect((await allDocs(cloud.db, AUDIT)).filter((e) => String(e.action).startsWith('exam.')).map((e) => e.action)).toEqual(['exam.create'])
  })

  it.each([
    [
      'an end before the start',
      examInput({ mode: 'fixed', questionIds: ['x'] }, { closesAt: '2026-11-23T11:00:00+08:00' }),
      'INVALID_INPUT',
      '结束时间应晚于开始时间',
    ],
    [
      'more drawn than the bank has',
      examInput({ mode: 'draw', draws: [{ tag: '党章', count: 5 }] }),
      'INVALID_INPUT',
      '第 1 组抽题规则要 5 道题，题库里符合的只有 4 道',
    ],
    ['a question not in the bank', examInput({ mode: 'fixed', questionIds: ['q-none'] }), 'INVALID_INPUT', '有 1 道题不在题库里或已停用，请重新选择'],
    ['no attempt', examInput({ mode: 'fixed', questionIds: ['x'] }, { attempts: 0 }), 'INVALID_INPUT', '至少可以答 1 次'],
    [
      'a time without its zone',
      examInput({ mode: 'fixed', questionIds: ['x'] }, { opensAt: '2026-11-23 12:00' }),
      'INVALID_INPUT',
      '时间应为带时区的时间，例如 2026-12-07T09:00:00+08:00',
    ],
    [
      'a day that does not exist',
      examInput({ mode: 'fixed', questionIds: ['x'] }, { closesAt: '2026-11-31T18:00:00+08:00' }),
      'INVALID_INPUT',
      '没有这一天，请检查时间',
    ],
  ])('refuses %s, writing nothing', async (_what, input, code, message) => {
    await bank()
    expect(await cloud.call(saveExam, 'wx-ba1', input)).toEqual({ ok: false, code, message })
    expect(await allDocs(cloud.db, EXAMS)).toHaveLength(0)
  })

  it('publishes once, telling the members who asked for 考试通知; a published exam can no longer change', async () => {
    const ids = await bank()
    await grant(cloud, 'm1', 'examNotice')
    await grant(cloud, 't3', 'examNotice') // another branch: not told
    const exam = ok(await cloud.call(saveExam, 'wx-ba1', examInput({ mode: 'fixed', questionIds: ids.slice(0, 4) })))
    const first = ok(await cloud.call(publishExam, 'wx-ba1', { id: exam._id }))
    // branch-1: org, ba1, lead1, m1, t1 (group-1) and t2 (group-2).
    expect(first).toMatchObject({ exam: { status: 'published', editable: false }, audience: 6, notified: { sent: 1, noGrant: 5 } })
    const again = ok(await cloud.call(publishExam, 'wx-ba1', { id: exam._id }))
    expect(again.notified).toEqual(first.notified)
    expect((await allDocs(cloud.db, 'notifications')).filter((n) => n.templateKey === 'examNotice')).toHaveLength(1)
    expect(await cloud.call(saveExam, 'wx-ba1', { ...examInput({ mode: 'fixed', questionIds: ids.slice(0, 2) }), id: exam._id })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '考试已发布，不能再修改',
    })
    expect(ok(await cloud.call(listManagedExams, 'wx-lead1', {})).items.map((e) => e.title)).toEqual(['第四季度学习考核'])
  })
})

describe('sitting an exam', () => {
  it('lists it for the unit’s members only, and opens at its time', async () => {
    const { exam } = await publishedExam()
    expect(ok(await cloud.call(listExams, 'wx-m1', {})).items).toEqual([
      expect.objectContaining({ _id: exam._id, state: 'upcoming', used: 0, best: null, inProgress: null }),
    ])
    expect(ok(await cloud.call(listExams, 'wx-t3', {})).items).toEqual([])
    expect(await start('m1', exam._id)).toEqual({ ok: false, code: 'CONFLICT', message: '考试还没有开始' })
    expect(await start('t3', exam._id)).toEqual({ ok: false, code: 'NOT_FOUND', message: '没有找到这场考试' })
  })

  it('gives a paper without answers, timed by the server; reopening resumes it', async () => {
    const { exam, ids } = await publishedExam()
    at('2026-11-24T02:00:00Z')
    const paper = ok(await start('m1', exam._id))
    expect(paper).toEqual({
      attemptId: `${exam._id}_m1_1`,
      examId: exam._id,
      title: '第四季度学习考核',
      number: 1,
      questions: ids.slice(0, 4).map((id) => ({ _id: id, type: 'single', stem: expect.any(String), options: ['甲', '乙', '丙'] })),
      startedAt: '2026-11-24T02:00:00.000Z',
      deadline: '2026-11-24T02:20:00.000Z',
      now: '2026-11-24T02:00:00.000Z',
    })
    later(60)
    const resumed = { ...paper, now: '2026-11-24T02:01:00.000Z' }
    expect(ok(await start('m1', exam._id))).toEqual(resumed)
    expect(ok(await cloud.call(getExamAttempt, 'wx-m1', { attemptId: paper.attemptId }))).toEqual({ status: 'started', paper: resumed, result: null })
    expect(ok(await cloud.call(listExams, 'wx-m1', {})).items[0]).toMatchObject({ state: 'open', inProgress: paper.attemptId, used: 0 })
  })

  it('ends a paper at the exam’s close when that comes before the time limit', async () => {
    const { exam } = await publishedExam()
    at('2026-11-30T09:50:00Z') // 17:50, ten minutes before the close
    expect(ok(await start('m1', exam._id)).deadline).toBe('2026-11-30T10:00:00.000Z')
  })

  it('grades a submission in time; a repeat, or 100 at once, answers the first result', async () => {
    const { exam } = await publishedExam()
    at('2026-11-24T02:00:00Z')
    const paper = ok(await start('m1', exam._id))
    later(300)
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => submit('m1', paper, i % 2 ? 4 : 3)))
    const first = ok(results[0])
    for (const r of results) expect(ok(r)).toEqual(first)
    expect(first).toMatchObject({ total: 4, passPercent: 60, submittedAt: '2026-11-24T02:05:00.000Z' })
    expect([first.right, first.percent, first.passed]).toEqual(first.right === 3 ? [3, 75, true] : [4, 100, true])
    expect(first.answers.map((a) => a.explanation)).toEqual(paper.questions.map((q) => `${q.stem}选乙`))
    expect((await allDocs(cloud.db, EXAM_ATTEMPTS)).filter((a) => a.status === 'submitted')).toHaveLength(1)
    expect(ok(await submit('m1', paper, 0))).toEqual(first)
  })

  it('refuses a submission after the time limit and its grace with TIME_UP; the attempt is used', async () => {
    const { exam } = await publishedExam({ attempts: 1 })
    at('2026-11-24T02:00:00Z')
    const paper = ok(await start('m1', exam._id))
    later(20 * 60 + 29) // within the 30 s grace
    const inGrace = ok(await start('t1', exam._id))
    expect(ok(await submit('m1', paper, 4))).toMatchObject({ percent: 100 })
    later(20 * 60 + 31)
    expect(await submit('t1', inGrace, 4)).toEqual({ ok: false, code: 'TIME_UP', message: '答题时间已到，这份答卷没有交上，这一次作答已用掉' })
    expect(ok(await cloud.call(getExamAttempt, 'wx-t1', { attemptId: inGrace.attemptId }))).toMatchObject({ status: 'expired', result: null })
    expect(await start('t1', exam._id)).toEqual({ ok: false, code: 'CONFLICT', message: '这场考试每人可以答 1 次，你已经用完了' })
    expect(ok(await cloud.call(listExams, 'wx-t1', {})).items[0]).toMatchObject({ used: 1, best: null, inProgress: null })
  })

  it('draws nothing written for an article not out yet: members could not read it', async () => {
    await bank()
    await addPublishedArticle(cloud, 'later', { status: 'scheduled', scheduledFor: '2026-12-07', publishedOn: undefined })
    const question = {
      type: 'judge' as const,
      stem: '下周文章的题',
      answer: [0],
      explanation: '对',
      tags: ['党章'],
      link: { kind: 'article' as const, id: 'later' },
    }
    ok(await cloud.call(saveQuestion, 'wx-org', { question }))
    expect(await cloud.call(saveExam, 'wx-ba1', examInput({ mode: 'draw', draws: [{ tag: '党章', count: 5 }] }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '第 1 组抽题规则要 5 道题，题库里符合的只有 4 道',
    })
  })

  it('draws each attempt’s own questions by the exam’s rules', async () => {
    const ids = await bank()
    const exam = ok(
      await cloud.call(
        saveExam,
        'wx-ba1',
        examInput({
          mode: 'draw',
          draws: [
            { tag: '党章', count: 2 },
            { tag: '经济', count: 1 },
          ],
        }),
      ),
    )
    ok(await cloud.call(publishExam, 'wx-ba1', { id: exam._id }))
    at('2026-11-24T02:00:00Z')
    const papers = [ok(await start('m1', exam._id)), ok(await start('t1', exam._id)), ok(await start('t2', exam._id)), ok(await start('lead1', exam._id))]
    for (const paper of papers) {
      const drawn = paper.questions.map((q) => ids.indexOf(q._id))
      expect(drawn.filter((i) => i < 4)).toHaveLength(2)
      expect(drawn.filter((i) => i >= 4)).toHaveLength(1)
    }
    expect(new Set(papers.map((p) => p.questions.map((q) => q._id).join())).size).toBeGreaterThan(1)
  })

  it('keeps a member’s paper theirs: another member can neither read nor hand it in', async () => {
    const { exam } = await publishedExam()
    at('2026-11-24T02:00:00Z')
    const paper = ok(await start('m1', exam._id))
    expect(await cloud.call(getExamAttempt, 'wx-t1', { attemptId: paper.attemptId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await submit('t1', paper, 4)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(ok(await cloud.call(getExamAttempt, 'wx-m1', { attemptId: paper.attemptId })).status).toBe('started')
  })

  it('refuses a start after the close', async () => {
    const { exam } = await publishedExam()
    at('2026-11-30T10:00:00Z')
    expect(await start('m1', exam._id)).toEqual({ ok: false, code: 'CONFLICT', message: '考试已经结束' })
  })

  it('counts a retired question of a running paper still: the paper is what was given', async () => {
    const { exam, ids } = await publishedExam()
    at('2026-11-24T02:00:00Z')
    const paper = ok(await start('m1', exam._id))
    ok(await cloud.call(retireQuestion, 'wx-org', { id: ids[0], retired: true }))
    expect(ok(await submit('m1', paper, 4))).toMatchObject({ total: 4, right: 4 })
  })
})

describe('results', () => {
  it('gives pass rate, mean and distribution by unit, and each member’s best, to the branch’s admin', async () => {
    const { exam } = await publishedExam()
    at('2026-11-24T02:00:00Z')
    // m1: 2/4 then 4/4; t1: 3/4; t2 (group-2): 1/4; lead1 runs out of time; org and ba1 do not sit it.
    ok(await submit('m1', ok(await start('m1', exam._id)), 2))
    ok(await submit('m1', ok(await start('m1', exam._id)), 4))
    ok(await submit('t1', ok(await start('t1', exam._id)), 3))
    ok(await submit('t2', ok(await start('t2', exam._id)), 1))
    ok(await start('lead1', exam._id))
    later(3600)
    const results = ok(await cloud.call(getExamResults, 'wx-ba1', { examId: exam._id }))
    expect(results.units.map((u) => [u.name, u.members, u.takers, u.passed, u.passRate, u.mean, u.distribution])).toEqual([
      ['第一党支部', 6, 3, 2, 2 / 6, 66.7, [1, 0, 1, 0, 1]],
      ['第一党小组', 5, 2, 2, 2 / 5, 87.5, [0, 0, 1, 0, 1]],
      ['第二党小组', 1, 1, 0, 0, 25, [1, 0, 0, 0, 0]],
    ])
    expect(results.members.slice(0, 3).map((m) => [m.name, m.best, m.passed, m.used])).toEqual([
      ['李党员', 100, true, 2],
      ['赵一', 75, true, 1],
      ['钱二', 25, false, 1],
    ])
    // A leader sees their own group; another branch's admin sees nothing of it.
    expect(ok(await cloud.call(getExamResults, 'wx-lead1', { examId: exam._id })).units.map((u) => u.name)).toEqual(['第一党小组'])
    expect(await cloud.call(getExamResults, 'wx-ba2', { examId: exam._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
