/**
 * A member's day against the cloud's quotas: BENCH_DAY_MEMBERS members (1,000 by default, in groups
 * of 15) each play one realistic day through the deployed routers' real code in a temporary local
 * store, calling what the mini-program's pages call (the steps below name the page). Each has used
 * the app before (read a chapter the day before, not counted): what a member's first day ever writes
 * once (their study ledger, their totals) is not in every day. Prints the
 * function calls, database reads and writes per active member-day, and the largest organisation
 * each CloudBase plan's published quotas admit.
 */
import { main as group } from '../../cloudfunctions/group/index'
import { main as member } from '../../cloudfunctions/member/index'
import { main as org } from '../../cloudfunctions/org/index'
import { main as quiz } from '../../cloudfunctions/quiz/index'
import { main as score } from '../../cloudfunctions/score/index'
import { main as study } from '../../cloudfunctions/study/index'
import { main as weekly } from '../../cloudfunctions/weekly/index'
import { domainOf, type ActionInput, type ActionName, type ActionOutput, type FunctionResult } from '../../types'
import { seedIfEmpty } from '../../local-cloud/seed'
import { BOOKS, CHAPTERS, tocOf, type BookDoc, type ChapterDoc } from '../../server/content/docs'
import { instrument } from '../../server/db/instrumented'
import type { CloudDatabase } from '../../server/db/types'
import { Clock, createLocalPlatform, runAsCaller } from '../../server/local-platform'
import { MEMBERS, type Member } from '../../server/members'
import { outboxMessenger } from '../../server/notify/messenger'
import { installPlatform } from '../../server/platform'
import { OPENIDS } from '../../server/registration'
import { UNITS } from '../../server/units'
import { runWeeklyDistribution } from '../../server/weekly/distribute'
import { WEEKLY_LISTS, type WeeklyListDoc } from '../../server/weekly/docs'
import { figure, printUnserved, temporaryStore, type BenchModule } from './bench'
import { addAll } from './scoring'

const MEMBER_COUNT = Number(process.env.BENCH_DAY_MEMBERS || 1_000)
const GROUP_SIZE = 15
/** Monday 2026-11-23, 08:00 in Beijing: every member's day starts here (each has their own ledger). */
const DAY_START = new Date('2026-11-23T00:00:00Z')
const WEEK = '2026-11-23'
const BOOK = 'bench-book'
/** Two 15-minute reading sessions: the reader's heartbeat interval is 5 minutes of reading. */
const SESSION_SECONDS = 15 * 60

/**
 * Per environment: function calls a month, database reads and writes a day. Only the plans whose
 * figures this project has checked; add a row when another plan's are confirmed.
 */
const PLANS: { name: string; callsPerMonth: number; readsPerDay: number; writesPerDay: number }[] = [
  { name: 'basic plan (基础版)', callsPerMonth: 200_000, readsPerDay: 50_000, writesPerDay: 30_000 },
]

const ROUTERS = { member, org, study, group, score, weekly, quiz } as Record<string, (event: unknown) => Promise<FunctionResult<unknown>>>

interface Counts {
  calls: number
  reads: number
  writes: number
  /** The same, by action. */
  byAction: Map<string, { calls: number; reads: number; writes: number }>
  /** Reads and writes by collection: where a member's day goes in the database. */
  byCollection: Map<string, { calls: number; reads: number; writes: number }>
  /** The action being called. */
  current?: string
}

const READS = new Set(['get', 'count', 'end'])

const memberId = (i: number) => `day-m${String(i).padStart(5, '0')}`
const groupId = (i: number) => `day-g${Math.floor(i / GROUP_SIZE)}`

/** Each WeChat user's caller pass, kept and sent back as the mini-program's adapter does (src/services/cloud.ts). */
const passes = new Map<string, string>()

/** Calls an action as the deployed router does, as the member's WeChat user. */
async function call<A extends ActionName>(openid: string, action: A, input: ActionInput<A>, counts?: Counts): Promise<ActionOutput<A>> {
  const domain = domainOf(action)!
  if (counts) {
    counts.calls++
    counts.current = action
    const row = counts.byAction.get(action) ?? { calls: 0, reads: 0, writes: 0 }
    row.calls++
    counts.byAction.set(action, row)
  }
  const callerPass = passes.get(openid)
  const result = await runAsCaller(openid, () => ROUTERS[domain]({ action, ...input, ...(callerPass ? { callerPass } : {}) }))
  if (!result.ok) throw new Error(`${action} as ${openid}: ${result.code} ${result.message}`)
  if (result.callerPass) passes.set(openid, result.callerPass)
  else if (result.callerPass === null) passes.delete(openid)
  return result.data as ActionOutput<A>
}

/** The bench organisation beside the demo seed: one 党支部 of groups of 15, a two-chapter book, this week's list. */
async function seed(db: CloudDatabase, clock: Clock): Promise<void> {
  await seedIfEmpty(db, clock.now())
  const groups = Math.ceil(MEMBER_COUNT / GROUP_SIZE)
  await addAll(db, UNITS, [
    { _id: 'day-branch', kind: 'branch', name: '基准党支部', parentId: 'committee', archived: false },
    ...Array.from({ length: groups }, (_, g) => ({ _id: `day-g${g}`, kind: 'group', name: `基准第${g + 1}党小组`, parentId: 'day-branch', archived: false })),
  ])
  const members: Member[] = Array.from({ length: MEMBER_COUNT }, (_, i) => ({
    _id: memberId(i),
    openid: `day-${i}`,
    name: `基准成员${i}`,
    groupId: groupId(i),
    branchId: 'day-branch',
    roles: i % GROUP_SIZE === 0 ? ['member', 'leader'] : ['member'],
    status: 'active',
    largeFont: false,
  }))
  await addAll(db, MEMBERS, members)
  await addAll(
    db,
    OPENIDS,
    members.map((m) => ({ _id: m.openid, memberId: m._id, at: clock.now() })),
  )
  const at = clock.now().toISOString()
  const paragraph = { type: 'paragraph' as const, text: '学习型党组织建设要坚持学以致用。'.repeat(40) }
  // The third chapter is the one each member read the day before.
  const chapters: ChapterDoc[] = [1, 2, 3].map((order) => ({
    _id: `${BOOK}-${order}`,
    bookId: BOOK,
    order,
    title: `第${order}章`,
    body: [paragraph],
    minutes: 20,
    updatedAt: at,
  }))
  await addAll(db, CHAPTERS, chapters)
  const book: BookDoc = {
    _id: BOOK,
    title: '基准读本',
    author: '编写组',
    summary: '三章，每章 20 分钟。',
    categoryId: 'theory',
    status: 'published',
    chapterCount: 3,
    totalMinutes: 60,
    toc: tocOf(chapters),
    createdAt: at,
    updatedAt: at,
    revision: 0,
    recommended: false,
  }
  await addAll(db, BOOKS, [book])
  const list: WeeklyListDoc = {
    _id: 'day-weekly',
    week: WEEK,
    intro: '本周读基准读本第一章',
    targetMinutes: 30,
    branchIds: [],
    items: [{ key: 'i1', kind: 'chapter', refId: `${BOOK}-1`, title: '第1章', bookTitle: '基准读本', url: null, minutes: 20, required: true }],
    status: 'scheduled',
    publishedTo: null,
    createdBy: 'bench',
    createdAt: at,
    updatedAt: at,
  }
  // A member gets one list a week (saveWeeklyList refuses a second for the same members): the bench's
  // list replaces the demo's of this week, which would also reach the bench branch.
  await db.collection(WEEKLY_LISTS).where({ week: WEEK }).remove()
  await addAll(db, WEEKLY_LISTS, [list])
  await runWeeklyDistribution({ db, now: clock.now(), messenger: outboxMessenger })
  // Each group's leader has posted a prompt, and the group's last two members and the leader have
  // answered it: every member has three replies by others to like (the leader likes the other two's).
  for (let g = 0; g < groups; g++) {
    const first = g * GROUP_SIZE
    const last = Math.min(MEMBER_COUNT, first + GROUP_SIZE) - 1
    const prompt = await call(`day-${first}`, 'savePrompt', { title: '本周学习体会', body: '结合工作谈谈本周所学。' })
    for (const author of new Set([first, last, last - 1])) await call(`day-${author}`, 'postReply', { promptId: prompt._id, body: '学以致用，体会很深。' })
  }
}

/** Moves the clock on by `seconds`. */
const wait = (clock: Clock, seconds: number) => clock.fix(new Date(clock.now().getTime() + seconds * 1000))

/**
 * A 15-minute reading session in the reader: the open, then a heartbeat per `heartbeatSeconds` of
 * reading and one as the page closes: interim when the member goes on to the next chapter (`readOn`),
 * scoring when they go back.
 */
async function readSession(openid: string, clock: Clock, chapterId: string, counts: Counts | undefined, session: string, readOn = false): Promise<void> {
  const opened = await call(openid, 'getChapter', { id: chapterId, sessionId: session }, counts)
  const marks: number[] = []
  for (let read = opened.heartbeatSeconds!; read < SESSION_SECONDS; read += opened.heartbeatSeconds!) marks.push(read)
  marks.push(SESSION_SECONDS)
  let at = 0
  for (const [seq, read] of marks.entries()) {
    wait(clock, read - at)
    at = read
    await call(
      openid,
      'heartbeat',
      {
        kind: 'chapter',
        id: chapterId,
        sessionId: session,
        seq,
        activeSeconds: read,
        mode: 'read',
        position: read / SESSION_SECONDS,
        atEnd: read === SESSION_SECONDS,
        // The timer's beats while reading on; the last goes as the page closes.
        ...(read < SESSION_SECONDS || readOn ? { interim: true } : {}),
        // The open's pass, until a heartbeat is answered.
        ...(seq === 0 ? { pass: opened.sessionPass! } : {}),
      },
      counts,
    )
  }
}

/** The day before, not counted: the member read the book's third chapter. */
async function dayBefore(i: number, clock: Clock): Promise<void> {
  clock.fix(new Date(DAY_START.getTime() - 24 * 3600_000))
  await readSession(`day-${i}`, clock, `${BOOK}-3`, undefined, `day-${i}-session-0`)
}

/** One member's day, page by page, as the mini-program calls (pages that refresh on return included). */
async function memberDay(i: number, clock: Clock, counts: Counts): Promise<void> {
  const me = `day-${i}`
  clock.fix(DAY_START)
  // 首页 (pages/index): its one call, which brings the profile the app run's pages share.
  await call(me, 'getHome', {}, counts)
  // The 每周一学 card opens the list (pages/weekly); its required chapter, then 下一章 (pages/reader).
  // (The list page asks for the reminder templates too; 首页's refresh does not.)
  const { list } = await call(me, 'getMyWeekly', { reminders: true }, counts)
  await readSession(me, clock, `${BOOK}-1`, counts, `day-${i}-session-1`, true)
  await readSession(me, clock, `${BOOK}-2`, counts, `day-${i}-session-2`)
  // Back to the list, which asks its progress again (the reminders it shows stay), then to 首页,
  // which shows the list's answer (src/hooks/useSharedWeek.ts).
  await call(me, 'getMyWeekly', { listId: list!.listId }, counts)
  // 打卡 with a reflection (the reminder's templates came with 首页).
  wait(clock, 60)
  await call(me, 'checkIn', { reflection: '今天读了两章。' }, counts)
  // 小组 (pages/group): the group with its prompts, and a leader's week; the prompt (packageGroup/prompt).
  const group = await call(me, 'getGroup', {}, counts)
  if (i % GROUP_SIZE === 0) await call(me, 'getGroupWeek', {}, counts)
  const promptId = group.prompts.items[0]._id
  const thread = await call(me, 'getThread', { id: promptId }, counts)
  await call(me, 'postReply', { promptId, body: '我也谈一点体会：理论联系实际。', requestKey: `day-${i}-reply` }, counts)
  const others = thread.replies.items.filter((r) => r.authorId !== memberId(i))
  for (const reply of others.slice(0, 3)) await call(me, 'likeReply', { id: reply._id, liked: true }, counts)
  // 我的 (pages/me): my score; then 排行榜 (packageScore/leaderboard).
  await call(me, 'getMyScore', {}, counts)
  await call(me, 'getLeaderboard', { scope: 'group', period: 'week', metric: 'points' }, counts)
}

/**
 * 每日答题 (packageQuiz/daily) from 首页: the day's questions, then an answer to each, one call each
 * (each answer is told at once, with its explanation).
 */
async function quizDay(i: number, counts: Counts): Promise<void> {
  const me = `day-${i}`
  const today = await call(me, 'getDailyQuiz', {}, counts)
  for (const q of today.questions) await call(me, 'submitDailyQuiz', { questionId: q._id, choice: [0] }, counts)
}

/** A meeting lasts two hours; the leader's screen fetches five minutes of codes at a call. */
const MEETING_MINUTES = 120
const CODE_CALLS = MEETING_MINUTES / 5

/**
 * A 党小组会 (packageGroup/meeting…), for one group: the leader schedules it (会议通知 to those who
 * asked), shows the code for its two hours and looks at the roster; each member opens 组织生活 and
 * the meeting, and signs in with the code.
 */
async function meetingDay(g: number, clock: Clock, counts: Counts): Promise<void> {
  const first = g * GROUP_SIZE
  const leader = `day-${first}`
  const now = clock.now().getTime()
  const { meeting } = await call(
    leader,
    'saveMeeting',
    {
      unitId: `day-g${g}`,
      kind: 'groupMeeting',
      title: '党小组会',
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + (MEETING_MINUTES - 10) * 60_000).toISOString(),
      place: '会议室',
      requestKey: `bench-meeting-${g}`,
    },
    counts,
  )
  let code = ''
  for (let c = 0; c < CODE_CALLS; c++) code = (await call(leader, 'getMeetingCodes', { id: meeting._id }, counts)).codes[0].code
  for (let i = first; i < Math.min(first + GROUP_SIZE, MEMBER_COUNT); i++) {
    await call(`day-${i}`, 'listMeetings', { scope: 'mine' }, counts)
    await call(`day-${i}`, 'getMeeting', { id: meeting._id }, counts)
    await call(`day-${i}`, 'signInMeeting', { meetingId: meeting._id, code }, counts)
  }
  await call(leader, 'getMeeting', { id: meeting._id }, counts)
}

const perDay = (n: number) => (n / MEMBER_COUNT).toFixed(1)
const newCounts = (): Counts => ({ calls: 0, reads: 0, writes: 0, byAction: new Map(), byCollection: new Map() })

/** The figures of `counts` by action and in all, and what each plan admits at that rate. */
function report(counts: Counts, label = 'member-day'): void {
  console.log('  per member-day, by action: calls, reads, writes')
  for (const [action, row] of counts.byAction) figure(`  ${action}`, `${perDay(row.calls)}, ${perDay(row.reads)}, ${perDay(row.writes)}`)
  console.log('  per member-day, by collection: reads, writes')
  const heaviest = [...counts.byCollection].sort(([, a], [, b]) => b.reads + b.writes - (a.reads + a.writes))
  for (const [collection, row] of heaviest) figure(`  ${collection}`, `${perDay(row.reads)}, ${perDay(row.writes)}`)
  figure(`${label} function calls:`, perDay(counts.calls))
  figure(`${label} database reads:`, perDay(counts.reads))
  figure(`${label} database writes:`, perDay(counts.writes))
  const calls = counts.calls / MEMBER_COUNT
  const reads = counts.reads / MEMBER_COUNT
  const writes = counts.writes / MEMBER_COUNT
  for (const plan of PLANS) {
    const byCalls = Math.floor(plan.callsPerMonth / 31 / calls)
    const byReads = Math.floor(plan.readsPerDay / reads)
    const byWrites = Math.floor(plan.writesPerDay / writes)
    const largest = Math.min(byCalls, byReads, byWrites)
    const limit = largest === byCalls ? 'calls' : largest === byReads ? 'reads' : 'writes'
    figure(`largest organisation, ${plan.name}:`, `${largest.toLocaleString('en')} daily active members (limited by ${limit})`)
  }
}

/** Both days' counts together. */
function sum(a: Counts, b: Counts): Counts {
  const byAction = new Map([...a.byAction, ...b.byAction])
  const byCollection = new Map(a.byCollection)
  for (const [collection, row] of b.byCollection) {
    const mine = byCollection.get(collection) ?? { calls: 0, reads: 0, writes: 0 }
    byCollection.set(collection, { calls: 0, reads: mine.reads + row.reads, writes: mine.writes + row.writes })
  }
  return { calls: a.calls + b.calls, reads: a.reads + b.reads, writes: a.writes + b.writes, byAction, byCollection }
}

export const memberDayBench: BenchModule = {
  name: 'day',
  title: `a member's day against the cloud's quotas, ${MEMBER_COUNT.toLocaleString('en')} members`,
  async run() {
    const clock = new Clock()
    clock.fix(DAY_START)
    const { store, unserved, dispose } = await temporaryStore(() => clock.now())
    try {
      const day = newCounts()
      const quizzes = newCounts()
      const meetings = newCounts()
      let counts: Counts | undefined
      const db = instrument(store.database(), (method, collection) => {
        if (!counts) return
        const row = counts.byAction.get(counts.current!)!
        const kind = READS.has(method) ? 'reads' : 'writes'
        const inCollection = counts.byCollection.get(collection) ?? { calls: 0, reads: 0, writes: 0 }
        counts.byCollection.set(collection, inCollection)
        counts[kind]++
        row[kind]++
        inCollection[kind]++
      })
      installPlatform(createLocalPlatform(db, clock))
      await seed(db, clock)
      for (let i = 0; i < MEMBER_COUNT; i++) await dayBefore(i, clock)
      counts = day
      for (let i = 0; i < MEMBER_COUNT; i++) await memberDay(i, clock, day)
      counts = quizzes
      for (let i = 0; i < MEMBER_COUNT; i++) await quizDay(i, quizzes)
      counts = meetings
      for (let g = 0; g < Math.ceil(MEMBER_COUNT / GROUP_SIZE); g++) await meetingDay(g, clock, meetings)
      counts = undefined
      report(day)
      console.log('  with 每日答题 (open it, answer five questions):')
      report(sum(day, quizzes), 'member-day with 每日答题')
      // A group meets a few times a month: its day is counted on its own, not in every day.
      console.log(`  a meeting day (三会一课: scheduled, ${MEETING_MINUTES} minutes of codes on the leader's screen, everyone signs in), per member that day:`)
      report(meetings, 'meeting day')
      // Seeding included: a query here that no declared index serves would scan its collection in the cloud.
      printUnserved(unserved)
    } finally {
      await dispose()
    }
  },
}
