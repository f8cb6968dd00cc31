/**
 * An exam's busiest minute: BENCH_EXAM_MEMBERS members (1,000 by default) who started a 10-question
 * paper all hand it in within one minute, through the deployed `quiz` router's real code on a
 * temporary local store, 50 submissions in flight at a time. Prints the p50/p99 latency of a
 * submission and its database round trips (reads and writes), and those of a start.
 */
import { main as quiz } from '../../cloudfunctions/quiz/index'
import { seedIfEmpty } from '../../local-cloud/seed'
import { instrument } from '../../server/db/instrumented'
import { inParallel } from '../../server/jobs/batched-job'
import { Clock, createLocalPlatform, runAsCaller } from '../../server/local-platform'
import { MEMBERS, type Member } from '../../server/members'
import { installPlatform } from '../../server/platform'
import { EXAMS, type ExamDoc } from '../../server/quiz/exams'
import { OPENIDS } from '../../server/registration'
import type { ExamPaper, FunctionResult } from '../../types'
import { figure, ms, percentiles, seconds, printUnserved, temporaryStore, type BenchModule } from './bench'
import { addAll } from './scoring'

const MEMBER_COUNT = Number(process.env.BENCH_EXAM_MEMBERS || 1_000)
const IN_FLIGHT = 50
/** Wednesday 2026-11-25, 10:00 in Beijing: the exam has been open since 09:00. */
const AT = new Date('2026-11-25T02:00:00Z')
const READS = new Set(['get', 'count', 'end'])

async function call(openid: string, event: Record<string, unknown>): Promise<unknown> {
  const result = (await runAsCaller(openid, () => quiz(event))) as FunctionResult<unknown>
  if (!result.ok) throw new Error(`${String(event.action)} as ${openid}: ${result.code} ${result.message}`)
  return result.data
}

export const examBench: BenchModule = {
  name: 'exam',
  title: `${MEMBER_COUNT.toLocaleString('en')} members submitting within one minute`,
  async run() {
    const clock = new Clock()
    clock.fix(AT)
    const { store, unserved, dispose } = await temporaryStore(() => clock.now())
    try {
      const counts = { reads: 0, writes: 0 }
      let counting = false
      const db = instrument(store.database(), (method) => {
        if (counting) counts[READS.has(method) ? 'reads' : 'writes']++
      })
      installPlatform(createLocalPlatform(db, clock))
      await seedIfEmpty(db, clock.now())
      const members: Member[] = Array.from({ length: MEMBER_COUNT }, (_, i) => ({
        _id: `exam-m${String(i).padStart(5, '0')}`,
        openid: `exam-${i}`,
        name: `考生${i}`,
        groupId: 'group-1-1',
        branchId: 'branch-1',
        roles: ['member'],
        status: 'active',
        largeFont: false,
      }))
      await addAll(db, MEMBERS, members)
      await addAll(
        db,
        OPENIDS,
        members.map((m) => ({ _id: m.openid, memberId: m._id, at: AT })),
      )
      const exam: ExamDoc = {
        _id: 'bench-exam',
        title: '基准考试',
        intro: '',
        unitId: 'committee',
        unitKind: 'committee',
        unitName: '示范单位机关党委',
        branchId: null,
        questions: { mode: 'draw', draws: [{ tag: null, difficulty: null, count: 10 }] },
        questionCount: 10,
        opensAt: new Date(AT.getTime() - 3600_000),
        closesAt: new Date(AT.getTime() + 7 * 86_400_000),
        timeLimitMinutes: 30,
        passPercent: 60,
        attempts: 1,
        status: 'published',
        publishedAt: AT,
        createdBy: 'bench',
        createdAt: AT,
        updatedAt: AT,
      }
      await addAll(db, EXAMS, [exam])

      const timed = async <T>(phase: { reads: number; writes: number }, work: (m: Member, i: number) => Promise<T>) => {
        const latencies: number[] = []
        const before = { ...counts }
        const started = performance.now()
        counting = true
        const results = await inParallel(members, IN_FLIGHT, async (m) => {
          const t = performance.now()
          const r = await work(m, members.indexOf(m))
          latencies.push(performance.now() - t)
          return r
        })
        counting = false
        phase.reads = (counts.reads - before.reads) / MEMBER_COUNT
        phase.writes = (counts.writes - before.writes) / MEMBER_COUNT
        return { results, latencies, wall: performance.now() - started }
      }

      const startPhase = { reads: 0, writes: 0 }
      const starts = await timed(
        startPhase,
        (m) => call(m.openid, { action: 'startExamAttempt', examId: exam._id, requestKey: `bench-${m._id}` }) as Promise<ExamPaper>,
      )
      // The minute: the clock moves through it as the submissions come in.
      const submitPhase = { reads: 0, writes: 0 }
      const submits = await timed(submitPhase, (m, i) => {
        clock.fix(new Date(AT.getTime() + 60_000 + Math.floor((i / MEMBER_COUNT) * 60_000)))
        const paper = starts.results[i]
        return call(m.openid, {
          action: 'submitExamAttempt',
          attemptId: paper.attemptId,
          answers: paper.questions.map((q) => ({ questionId: q._id, choice: [0] })),
        })
      })

      const s = percentiles(starts.latencies)
      const p = percentiles(submits.latencies)
      figure('exam start: latency p50 / p99', `${ms(s.median)} / ${ms(s.p99)}`)
      figure('exam start: database reads, writes', `${startPhase.reads.toFixed(1)}, ${startPhase.writes.toFixed(1)} per start`)
      figure('exam submit: all submissions in', `${seconds(submits.wall)} (${IN_FLIGHT} in flight)`)
      figure('exam submit: latency p50 / p99', `${ms(p.median)} / ${ms(p.p99)}`)
      figure(
        'exam submit: database round trips',
        `${(submitPhase.reads + submitPhase.writes).toFixed(1)} per submit (${submitPhase.reads.toFixed(1)} reads, ${submitPhase.writes.toFixed(1)} writes)`,
      )
      printUnserved(unserved)
    } finally {
      await dispose()
    }
  },
}
