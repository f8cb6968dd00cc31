/**
 * The permission matrix: every cloud function × every role × where the object sits, called for real
 * on the real store. A function added to the contract must add its rows here: the first test fails
 * otherwise, and `FUNCTIONS` does not type-check without it.
 */
import { archiveUnit } from '../../server/actions/archiveUnit'
import { checkIn } from '../../server/actions/checkIn'
import { createInvitation } from '../../server/actions/createInvitation'
import { deactivateMember } from '../../server/actions/deactivateMember'
import { getCheckInSummary } from '../../server/actions/getCheckInSummary'
import { getHome } from '../../server/actions/getHome'
import { getGroup } from '../../server/actions/getGroup'
import { getMe } from '../../server/actions/getMe'
import { listAudit } from '../../server/actions/listAudit'
import { listInvitations } from '../../server/actions/listInvitations'
import { listMembers } from '../../server/actions/listMembers'
import { listUnits } from '../../server/actions/listUnits'
import { moveMember } from '../../server/actions/moveMember'
import { preregisterMember } from '../../server/actions/preregisterMember'
import { confirmSamePerson } from '../../server/actions/confirmSamePerson'
import { reactivateMember } from '../../server/actions/reactivateMember'
import { register } from '../../server/actions/register'
import { revokeInvitation } from '../../server/actions/revokeInvitation'
import { saveUnit } from '../../server/actions/saveUnit'
import { setRoles } from '../../server/actions/setRoles'
import { updateProfile } from '../../server/actions/updateProfile'
import { getContent } from '../../server/actions/getContent'
import { getToday } from '../../server/actions/getToday'
import { listCategories } from '../../server/actions/listCategories'
import { listContent } from '../../server/actions/listContent'
import { listOutbox } from '../../server/actions/listOutbox'
import { recordSubscription } from '../../server/actions/recordSubscription'
import { retireArticle } from '../../server/actions/retireArticle'
import { saveArticle } from '../../server/actions/saveArticle'
import { saveBook } from '../../server/actions/saveBook'
import { saveChapter } from '../../server/actions/saveChapter'
import { scheduleArticle } from '../../server/actions/scheduleArticle'
import { setBookRequirement } from '../../server/actions/setBookRequirement'
import { setRecommended } from '../../server/actions/setRecommended'
import { dailyPush } from '../../cloudfunctions/dailyPush'
import { getArticle } from '../../server/actions/getArticle'
import { getBook } from '../../server/actions/getBook'
import { getChapter } from '../../server/actions/getChapter'
import { getContinueReading } from '../../server/actions/getContinueReading'
import { getMyStudy } from '../../server/actions/getMyStudy'
import { getStudyRules } from '../../server/actions/getStudyRules'
import { heartbeat } from '../../server/actions/heartbeat'
import { listLibrary } from '../../server/actions/listLibrary'
import { freezeRatings } from '../../cloudfunctions/freezeRatings'
import { getLeaderboard } from '../../server/actions/getLeaderboard'
import { getMyPoints } from '../../server/actions/getMyPoints'
import { getMyScore } from '../../server/actions/getMyScore'
import { getScoreRules } from '../../server/actions/getScoreRules'
import { getUnitRatings } from '../../server/actions/getUnitRatings'
import { reconcileScores } from '../../cloudfunctions/reconcileScores'
import { saveScoreRules } from '../../server/actions/saveScoreRules'
import { DEFAULT_RULES } from '../../server/scoring/rules'
import { getMyWeekly } from '../../server/actions/getMyWeekly'
import { getWeeklyList } from '../../server/actions/getWeeklyList'
import { getWeeklyProgress } from '../../server/actions/getWeeklyProgress'
import { listMyWeeks } from '../../server/actions/listMyWeeks'
import { listWeeklyLists } from '../../server/actions/listWeeklyLists'
import { saveWeeklyList } from '../../server/actions/saveWeeklyList'
import { scheduleWeeklyList } from '../../server/actions/scheduleWeeklyList'
import { WEEKLY_LISTS } from '../../server/weekly/docs'
import { exportQuarterReport } from '../../server/actions/exportQuarterReport'
import { getMyQuarterReport } from '../../server/actions/getMyQuarterReport'
import { getUnitQuarterReport } from '../../server/actions/getUnitQuarterReport'
import { runQuarterReport } from '../../server/reports/report'
import { listPrompts } from '../../server/actions/listPrompts'
import { getPrompt } from '../../server/actions/getPrompt'
import { getThread } from '../../server/actions/getThread'
import { savePrompt } from '../../server/actions/savePrompt'
import { setPromptState } from '../../server/actions/setPromptState'
import { listReplies } from '../../server/actions/listReplies'
import { postReply } from '../../server/actions/postReply'
import { editReply } from '../../server/actions/editReply'
import { deleteReply } from '../../server/actions/deleteReply'
import { likeReply } from '../../server/actions/likeReply'
import { featureReply } from '../../server/actions/featureReply'
import { hideReply } from '../../server/actions/hideReply'
import { getGroupWeek } from '../../server/actions/getGroupWeek'
import { nudgeMembers } from '../../server/actions/nudgeMembers'
import { getDailyQuiz } from '../../server/actions/getDailyQuiz'
import { getMemberArchive } from '../../server/actions/getMemberArchive'
import { exportMemberArchive } from '../../server/actions/exportMemberArchive'
import { submitReflection } from '../../server/actions/submitReflection'
import { reviewReflection } from '../../server/actions/reviewReflection'
import { listReflections } from '../../server/actions/listReflections'
import { REFLECTIONS } from '../../server/reflections/reflections'
import { saveExam } from '../../server/actions/saveExam'
import { getExam } from '../../server/actions/getExam'
import { listManagedExams } from '../../server/actions/listManagedExams'
import { publishExam } from '../../server/actions/publishExam'
import { listExams } from '../../server/actions/listExams'
import { startExamAttempt } from '../../server/actions/startExamAttempt'
import { submitExamAttempt } from '../../server/actions/submitExamAttempt'
import { getExamAttempt } from '../../server/actions/getExamAttempt'
import { getExamResults } from '../../server/actions/getExamResults'
import { EXAMS } from '../../server/quiz/exams'
import { getChapterQuiz } from '../../server/actions/getChapterQuiz'
import { submitChapterQuiz } from '../../server/actions/submitChapterQuiz'
import { getQuestion } from '../../server/actions/getQuestion'
import { listQuestions } from '../../server/actions/listQuestions'
import { listWrongAnswers } from '../../server/actions/listWrongAnswers'
import { retireQuestion } from '../../server/actions/retireQuestion'
import { retryWrongAnswer } from '../../server/actions/retryWrongAnswer'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { submitDailyQuiz } from '../../server/actions/submitDailyQuiz'
import { QUESTIONS } from '../../server/quiz/questions'
import { itemKey, STUDY_LEDGERS } from '../../server/study/ledger'
import { contract, type ActionName } from '../../types'
import { codeFor, periodOf } from '../../server/meetings/codes'
import { MEETING_ATTENDANCE, attendanceId } from '../../server/meetings/attendance-docs'
import { MEETINGS } from '../../server/meetings/meetings'
import { saveMeeting } from '../../server/actions/saveMeeting'
import { cancelMeeting } from '../../server/actions/cancelMeeting'
import { listMeetings } from '../../server/actions/listMeetings'
import { getMeeting } from '../../server/actions/getMeeting'
import { getMeetingCodes } from '../../server/actions/getMeetingCodes'
import { signInMeeting } from '../../server/actions/signInMeeting'
import { requestLeave } from '../../server/actions/requestLeave'
import { reviewLeave } from '../../server/actions/reviewLeave'
import { markAttendance } from '../../server/actions/markAttendance'
import { saveMeetingMinutes } from '../../server/actions/saveMeetingMinutes'
import type { CloudFunction } from '../../server/function'
import { MEMBERS } from '../../server/members'
import { UNITS } from '../../server/units'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addContent, paragraphs } from '../support/content'
import { ok } from '../support/study'

const FUNCTIONS: { [N in ActionName]: CloudFunction<N> } = {
  getMyQuarterReport,
  getUnitQuarterReport,
  exportQuarterReport,
  saveWeeklyList,
  scheduleWeeklyList,
  getWeeklyList,
  listWeeklyLists,
  getMyWeekly,
  listMyWeeks,
  getWeeklyProgress,
  getMe,
  checkIn,
  getCheckInSummary,
  getHome,
  register,
  updateProfile,
  getGroup,
  listUnits,
  saveUnit,
  archiveUnit,
  listMembers,
  preregisterMember,
  moveMember,
  setRoles,
  deactivateMember,
  reactivateMember,
  confirmSamePerson,
  createInvitation,
  revokeInvitation,
  listInvitations,
  listAudit,
  getToday,
  listCategories,
  saveArticle,
  scheduleArticle,
  retireArticle,
  listContent,
  getContent,
  saveBook,
  saveChapter,
  setBookRequirement,
  setRecommended,
  recordSubscription,
  listOutbox,
  heartbeat,
  getStudyRules,
  getArticle,
  getChapter,
  getBook,
  listLibrary,
  getContinueReading,
  getMyStudy,
  getMyScore,
  getMyPoints,
  getLeaderboard,
  getScoreRules,
  saveScoreRules,
  getUnitRatings,
  listPrompts,
  getPrompt,
  getThread,
  savePrompt,
  setPromptState,
  listReplies,
  postReply,
  editReply,
  deleteReply,
  likeReply,
  featureReply,
  hideReply,
  getGroupWeek,
  nudgeMembers,
  saveQuestion,
  getQuestion,
  retireQuestion,
  listQuestions,
  getDailyQuiz,
  submitDailyQuiz,
  listWrongAnswers,
  retryWrongAnswer,
  getChapterQuiz,
  submitChapterQuiz,
  saveExam,
  getExam,
  listManagedExams,
  publishExam,
  listExams,
  startExamAttempt,
  submitExamAttempt,
  getExamAttempt,
  getExamResults,
  submitReflection,
  reviewReflection,
  listReflections,
  getMemberArchive,
  exportMemberArchive,
  saveMeeting,
  cancelMeeting,
  listMeetings,
  getMeeting,
  getMeetingCodes,
  signInMeeting,
  requestLeave,
  reviewLeave,
  markAttendance,
  saveMeetingMinutes,
}

/** Any function by name, for calls made from the table. */
const fnOf = (name: ActionName) => FUNCTIONS[name] as CloudFunction

/** The callers, one per role, all in group-1 of branch-1 (see CAST in tests/support/cloud.ts). */
const ROLES = { member: 'm1', leader: 'lead1', branchAdmin: 'ba1', orgAdmin: 'org' } as const
type RoleName = keyof typeof ROLES

/**
 * Where the object acted on sits, seen from the callers: the caller themself or the whole
 * organisation, their own 党小组, another 党小组 of their 党支部, or another 党支部.
 */
type Place = 'self' | 'org' | 'own' | 'sameBranch' | 'otherBranch'

/** The objects at each place: a plain member, their group and branch, a code of that group, a group to move to. */
const AT = {
  own: { member: 't1', group: 'group-1', branch: 'branch-1', code: 'XXQGAAAA', moveTo: 'group-2' },
  sameBranch: { member: 't2', group: 'group-2', branch: 'branch-1', code: 'XXQGBBBB', moveTo: 'group-1' },
  otherBranch: { member: 't3', group: 'group-3', branch: 'branch-2', code: 'XXQGCCCC', moveTo: 'group-4' },
}
type Objects = (typeof AT)['own']

interface Row {
  fn: ActionName
  what: string
  place: Place
  /** member leader branchAdmin orgAdmin: ✓ allowed (the call succeeds), ✗ FORBIDDEN. */
  expected: string
  input(at: Objects, caller: string): unknown
  /** State the call needs to succeed when allowed. */
  prepare?(cloud: TestCloud, at: Objects): Promise<void>
}

const row = (fn: ActionName, what: string, place: Place, expected: string, input: Row['input'], prepare?: Row['prepare']): Row => ({
  fn,
  what,
  place,
  expected,
  input,
  prepare,
})

const setStatus = (id: string, status: string) => (cloud: TestCloud) =>
  cloud.db
    .collection(MEMBERS)
    .doc(id)
    .update({ data: { status } })
    .then(() => undefined)
const withContent = (cloud: TestCloud) => addContent(cloud.db)
/** A registration held as the same name as `memberId`, in that member's group: `held-<memberId>`. */
const heldBeside = (memberId: string) => async (cloud: TestCloud) => {
  const { data } = await cloud.db.collection(MEMBERS).doc(memberId).get()
  const { groupId, branchId, name } = data as { groupId: string; branchId: string; name: string }
  await cloud.addMember({
    _id: `held-${memberId}`,
    openid: `wx-held-${memberId}`,
    name,
    groupId,
    branchId,
    status: 'review',
    review: { sameNameAs: [{ _id: memberId, groupId, status: 'active' }] },
  })
}
/** The discussion objects a row acts on, made by its `prepare`. */
const thread: { promptId: string; replyId: string; replies: Record<string, string> } = { promptId: 'none', replyId: 'none', replies: {} }
const okData = <T>(result: { ok: boolean; data?: T }): T => {
  expect(result).toMatchObject({ ok: true })
  return result.data as T
}
/** A prompt in the place's group (posted by the organisation's admin) with a reply by its member. */
const withThread = async (cloud: TestCloud, at: Objects) => {
  thread.promptId = okData<{ _id: string }>(await cloud.call(savePrompt, 'wx-org', { groupId: at.group, title: '讨论题', body: '内容' }))._id
  thread.replyId = okData<{ _id: string }>(await cloud.call(postReply, `wx-${at.member}`, { promptId: thread.promptId, body: '回复' }))._id
}
/** A prompt in group-1 with a reply by each caller. */
const withOwnReplies = async (cloud: TestCloud) => {
  await withThread(cloud, AT.own)
  for (const caller of Object.values(ROLES)) {
    thread.replies[caller] = okData<{ _id: string }>(await cloud.call(postReply, `wx-${caller}`, { promptId: thread.promptId, body: '我的回复' }))._id
  }
}
/** Content members may read: the article published too. */
const withReading = async (cloud: TestCloud) => {
  await addContent(cloud.db)
  await cloud.db
    .collection('articles')
    .doc('article-t')
    .update({ data: { status: 'published', publishedOn: '2026-11-20' } })
}
const beat = (sessionId: string) => ({ kind: 'article', id: 'article-t', sessionId, seq: 1, activeSeconds: 15, mode: 'read', atEnd: false })
/** The passes of the reading sessions members opened (`withSessionOf`), by member. */
const passes = new Map<string, string>()
/** A reading session the member at the place opened (its pass kept) and started. */
const withSessionOf = async (cloud: TestCloud, at: Objects) => {
  await withReading(cloud)
  const opened = await cloud.call(getArticle, `wx-${at.member}`, { id: 'article-t', sessionId: `session-of-${at.member}` })
  passes.set(at.member, ok(opened).sessionPass!)
  expect(await cloud.call(heartbeat, `wx-${at.member}`, beat(`session-of-${at.member}`))).toMatchObject({ ok: true })
}
/** A heartbeat on the session the member at the place opened, with its pass. */
const beatOf = (at: Objects) => ({ ...beat(`session-of-${at.member}`), pass: passes.get(at.member) })
const archiveGroupsOf = (cloud: TestCloud, at: Objects) =>
  cloud.db
    .collection(UNITS)
    .where({ parentId: at.branch })
    .update({ data: { archived: true } })
    .then(() => undefined)

/** A draft 每周一学 list `weekly-t` for next week, on the published article. */
const withWeekly = async (cloud: TestCloud) => {
  await withReading(cloud)
  const item = { key: 'i1', kind: 'article', refId: 'article-t', title: '文章', bookTitle: null, url: null, minutes: 1, required: true }
  await cloud.db.collection(WEEKLY_LISTS).add({
    data: {
      _id: 'weekly-t',
      week: '2026-11-30',
      intro: '导语',
      targetMinutes: 30,
      branchIds: [],
      items: [item],
      status: 'draft',
      publishedTo: null,
      createdBy: 'org',
      createdAt: '2026-11-20T00:00:00Z',
      updatedAt: '2026-11-20T00:00:00Z',
    },
  })
}
const weeklyItems = [{ kind: 'article', refId: 'article-t', required: true }]
/** A 判断题 `q-t` (answer 对) in the bank, and each caller's quiz of the day drawn (it is the only question). */
const withQuiz = async (cloud: TestCloud) => {
  const at = cloud.clock.now()
  const question = {
    _id: 'q-t',
    type: 'judge',
    stem: '题干',
    options: ['对', '错'],
    answer: [0],
    explanation: '解析',
    tags: [],
    difficulty: 2,
    link: null,
    status: 'active',
    createdAt: at,
    updatedAt: at,
    createdBy: 'org',
  }
  await cloud.db.collection(QUESTIONS).add({ data: question })
  for (const caller of Object.values(ROLES)) okData(await cloud.call(getDailyQuiz, `wx-${caller}`, {}))
}
/** Each caller answered `q-t` wrong: it is in their 错题本. */
const withMisses = async (cloud: TestCloud) => {
  await withQuiz(cloud)
  for (const caller of Object.values(ROLES)) okData(await cloud.call(submitDailyQuiz, `wx-${caller}`, { questionId: 'q-t', choice: [1] }))
}
/** A question on chapter `book-t-c1`, which every caller has completed. */
const withChapterQuiz = async (cloud: TestCloud) => {
  await withReading(cloud)
  const at = cloud.clock.now()
  await cloud.db.collection(QUESTIONS).add({
    data: {
      _id: 'q-c1',
      type: 'judge',
      stem: '题干',
      options: ['对', '错'],
      answer: [0],
      explanation: '解析',
      tags: [],
      difficulty: 2,
      link: { kind: 'chapter', id: 'book-t-c1' },
      status: 'active',
      createdAt: at,
      updatedAt: at,
      createdBy: 'org',
    },
  })
  for (const caller of Object.values(ROLES)) {
    await cloud.db
      .collection(STUDY_LEDGERS)
      .add({ data: { _id: caller, memberId: caller, items: { [itemKey('chapter', 'book-t-c1')]: { kind: 'chapter', id: 'book-t-c1', done: true } } } })
  }
}
/** A 考试 `exam-t` on `q-t` for the place's group (or the organisation), open all week; published unless a draft is asked for. */
const withExam =
  (unit: (at: Objects) => string, status: 'draft' | 'published' = 'published') =>
  async (cloud: TestCloud, at: Objects) => {
    await withQuiz(cloud)
    const unitId = unit(at)
    const unitKind = unitId === 'committee' ? 'committee' : unitId.startsWith('branch') ? 'branch' : 'group'
    await cloud.db.collection(EXAMS).add({
      data: {
        _id: 'exam-t',
        title: '考试',
        intro: '',
        unitId,
        unitKind,
        unitName: unitId,
        branchId: unitKind === 'group' ? at.branch : unitKind === 'branch' ? unitId : null,
        questions: { mode: 'fixed', questionIds: ['q-t'] },
        questionCount: 1,
        opensAt: new Date('2026-11-22T16:00:00Z'),
        closesAt: new Date('2026-11-29T16:00:00Z'),
        timeLimitMinutes: 30,
        passPercent: 60,
        attempts: 2,
        status,
        publishedAt: status === 'published' ? new Date('2026-11-22T16:00:00Z') : null,
        createdBy: 'org',
        createdAt: new Date('2026-11-20T00:00:00Z'),
        updatedAt: new Date('2026-11-20T00:00:00Z'),
      },
    })
  }
const orgExam = withExam(() => 'committee')
/** The organisation's exam, with an attempt begun by each caller and by the place's member. */
const withAttempts = async (cloud: TestCloud, at: Objects) => {
  await orgExam(cloud, at)
  for (const caller of [...Object.values(ROLES), at.member])
    okData(await cloud.call(startExamAttempt, `wx-${caller}`, { examId: 'exam-t', requestKey: `start-key-${caller}` }))
}
const examInput = (unitId: string) => ({
  title: '季度考核',
  unitId,
  questions: { mode: 'fixed', questionIds: ['q-t'] },
  opensAt: '2026-11-24T09:00:00+08:00',
  closesAt: '2026-11-30T18:00:00+08:00',
  timeLimitMinutes: 10,
  passPercent: 60,
  attempts: 1,
})
/** A 学习心得 `reflection-t` by the place's member, waiting for review. */
const withReflection = async (cloud: TestCloud, at: Objects) => {
  const { data } = await cloud.db.collection(MEMBERS).doc(at.member).get()
  const m = data as { _id: string; name: string; groupId: string; branchId: string }
  await cloud.db.collection(REFLECTIONS).add({
    data: {
      _id: 'reflection-t',
      memberId: m._id,
      memberName: m.name,
      groupId: m.groupId,
      branchId: m.branchId,
      target: { kind: 'article', id: 'article-t', title: '文章' },
      body: '心得'.repeat(30),
      status: 'pending',
      comment: null,
      featured: false,
      submittedAt: new Date('2026-11-22T00:00:00Z'),
      reviewedAt: null,
      reviewerName: null,
    },
  })
}
/** A meeting `meeting-t` of the place's group (or branch), under way at the world's clock. */
const SECRET = 'ab'.repeat(32)
const withMeeting = (unit: (at: Objects) => string) => async (cloud: TestCloud, at: Objects) => {
  const unitId = unit(at)
  const unitKind = unitId.startsWith('branch') ? 'branch' : 'group'
  await cloud.db.collection(MEETINGS).add({
    data: {
      _id: 'meeting-t',
      unitId,
      unitKind,
      unitName: unitId,
      branchId: at.branch,
      kind: 'groupStudy',
      title: '集中学习',
      startsAt: new Date('2026-11-23T01:50:00Z'),
      endsAt: new Date('2026-11-23T04:00:00Z'),
      place: '会议室',
      agenda: '',
      items: [],
      status: 'scheduled',
      minutes: null,
      secret: SECRET,
      createdBy: 'org',
      createdByName: '周组织',
      createdAt: new Date('2026-11-20T00:00:00Z'),
      updatedAt: new Date('2026-11-20T00:00:00Z'),
    },
  })
}
const groupMeeting = withMeeting((at) => at.group)
/** …and the place's member asked for leave from it. */
const withLeave = async (cloud: TestCloud, at: Objects) => {
  await groupMeeting(cloud, at)
  const { data } = await cloud.db.collection(MEMBERS).doc(at.member).get()
  const m = data as { _id: string; name: string; groupId: string; branchId: string }
  await cloud.db.collection(MEETING_ATTENDANCE).add({
    data: {
      _id: attendanceId('meeting-t', m._id),
      meetingId: 'meeting-t',
      memberId: m._id,
      memberName: m.name,
      groupId: m.groupId,
      branchId: m.branchId,
      startsAt: new Date('2026-11-23T01:50:00Z'),
      leaveStatus: 'pending',
      leaveReason: '出差',
      leaveRequestedAt: new Date('2026-11-22T00:00:00Z'),
      leaveComment: null,
    },
  })
}
const meetingCode = () => codeFor(SECRET, 'meeting-t', periodOf(new Date('2026-11-23T02:00:00Z')))
const meetingInput = (unitId: string, kind = 'groupStudy') => ({
  unitId,
  kind,
  title: '集中学习',
  startsAt: '2026-11-24T14:00:00+08:00',
  endsAt: '2026-11-24T16:00:00+08:00',
  place: '会议室',
})
const newQuestion = { type: 'single', stem: '新题', options: ['甲', '乙'], answer: [0], explanation: '因为甲' }

/** The last quarter's report (2026-Q3), frozen. */
const withReport = (cloud: TestCloud) => runQuarterReport(cloud.db, cloud.clock.now()).then(() => undefined)

const MATRIX: Row[] = [
  //   function              what                      place          member leader bAdmin oAdmin
  row('getMe', 'own profile', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('updateProfile', 'own profile', 'self', '✓ ✓ ✓ ✓', () => ({ largeFont: true })),
  row('register', 'already registered', 'self', '✓ ✓ ✓ ✓', (at, caller) => ({ name: caller, code: at.code })),
  row('checkIn', 'own check-in', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getCheckInSummary', 'own check-ins', 'self', '✓ ✓ ✓ ✓', () => ({})),

  row('getGroup', 'a group', 'own', '✓ ✓ ✓ ✓', (at) => ({ groupId: at.group })),
  row('getGroup', 'a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('getGroup', 'a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),

  row('listUnits', 'the tree in reach', 'org', '✗ ✗ ✓ ✓', () => ({})),
  row('saveUnit', 'rename a group', 'own', '✗ ✗ ✓ ✓', (at) => ({ id: at.group, kind: 'group', name: '新名字' })),
  row('saveUnit', 'rename a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ id: at.group, kind: 'group', name: '新名字' })),
  row('saveUnit', 'rename a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.group, kind: 'group', name: '新名字' })),
  row('saveUnit', 'create a group in', 'own', '✗ ✗ ✓ ✓', (at) => ({ kind: 'group', name: '新党小组', parentId: at.branch })),
  row('saveUnit', 'create a group in', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ kind: 'group', name: '新党小组', parentId: at.branch })),
  row('saveUnit', 'rename a branch', 'own', '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, kind: 'branch', name: '新支部' })),
  row('saveUnit', 'rename a branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, kind: 'branch', name: '新支部' })),
  row('saveUnit', 'create a branch', 'org', '✗ ✗ ✗ ✓', () => ({ kind: 'branch', name: '新支部' })),
  row('archiveUnit', 'a group', 'own', '✗ ✗ ✓ ✓', (at) => ({ id: at.group, archived: true })),
  row('archiveUnit', 'a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ id: at.group, archived: true })),
  row('archiveUnit', 'a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.group, archived: true })),
  row('archiveUnit', 'a branch', 'own', '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, archived: true }), archiveGroupsOf),
  row('archiveUnit', 'a branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, archived: true }), archiveGroupsOf),

  row('listMembers', 'everyone in reach', 'org', '✗ ✗ ✓ ✓', () => ({})),
  row('listMembers', 'a group', 'own', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listMembers', 'a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listMembers', 'a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('listMembers', 'a branch', 'own', '✗ ✗ ✓ ✓', (at) => ({ branchId: at.branch })),
  row('listMembers', 'a branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ branchId: at.branch })),
  row('preregisterMember', 'into a group', 'own', '✗ ✗ ✓ ✓', (at) => ({ name: '预登记', phone: '13900000000', groupId: at.group })),
  row('preregisterMember', 'into a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ name: '预登记', phone: '13900000000', groupId: at.group })),
  row('preregisterMember', 'into a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ name: '预登记', phone: '13900000000', groupId: at.group })),
  row('moveMember', 'a member within branch', 'own', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, groupId: at.moveTo })),
  row('moveMember', 'a member within branch', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, groupId: at.moveTo })),
  row('moveMember', 'a member within branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, groupId: at.moveTo })),
  row('setRoles', 'grant 党小组长', 'own', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'leader'] })),
  row('setRoles', 'grant 党小组长', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'leader'] })),
  row('setRoles', 'grant 党小组长', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'leader'] })),
  row('setRoles', 'grant 支部管理员', 'own', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'branchAdmin'] })),
  row('setRoles', 'grant 支部管理员', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'branchAdmin'] })),
  row('setRoles', 'grant 支部管理员', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'branchAdmin'] })),
  row('setRoles', 'grant 组织管理员', 'own', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'orgAdmin'] })),
  row('setRoles', 'grant 组织管理员', 'sameBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'orgAdmin'] })),
  row('setRoles', 'grant 组织管理员', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'orgAdmin'] })),
  row('deactivateMember', 'a member', 'own', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member })),
  row('deactivateMember', 'a member', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member })),
  row('deactivateMember', 'a member', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member })),
  row(
    'reactivateMember',
    'a member',
    'own',
    '✗ ✗ ✓ ✓',
    (at) => ({ memberId: at.member }),
    (c, at) => setStatus(at.member, 'inactive')(c),
  ),
  row(
    'reactivateMember',
    'a member',
    'sameBranch',
    '✗ ✗ ✓ ✓',
    (at) => ({ memberId: at.member }),
    (c, at) => setStatus(at.member, 'inactive')(c),
  ),
  row(
    'reactivateMember',
    'a member',
    'otherBranch',
    '✗ ✗ ✗ ✓',
    (at) => ({ memberId: at.member }),
    (c, at) => setStatus(at.member, 'inactive')(c),
  ),
  row(
    'confirmSamePerson',
    'a held registration',
    'own',
    '✗ ✗ ✓ ✓',
    (at) => ({ memberId: `held-${at.member}`, sameAs: at.member }),
    (c, at) => heldBeside(at.member)(c),
  ),
  row(
    'confirmSamePerson',
    'a held registration',
    'otherBranch',
    '✗ ✗ ✗ ✓',
    (at) => ({ memberId: `held-${at.member}`, sameAs: at.member }),
    (c, at) => heldBeside(at.member)(c),
  ),

  row('createInvitation', 'for a group', 'own', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('createInvitation', 'for a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('createInvitation', 'for a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('revokeInvitation', 'a group’s code', 'own', '✗ ✗ ✓ ✓', (at) => ({ code: at.code })),
  row('revokeInvitation', 'a group’s code', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ code: at.code })),
  row('revokeInvitation', 'a group’s code', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ code: at.code })),
  row('listInvitations', 'codes in reach', 'org', '✗ ✗ ✓ ✓', () => ({})),
  row('listInvitations', 'a group’s codes', 'own', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listInvitations', 'a group’s codes', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listInvitations', 'a group’s codes', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('listAudit', 'the log in reach', 'org', '✗ ✗ ✓ ✓', () => ({})),

  row('getToday', '今日学习', 'org', '✓ ✓ ✓ ✓', () => ({})),
  row('listCategories', 'the categories', 'org', '✓ ✓ ✓ ✓', () => ({})),
  row('recordSubscription', 'own grant', 'self', '✓ ✓ ✓ ✓', () => ({ templateKey: 'dailyStudy', accepted: true })),
  row('getHome', '首页', 'self', '✓ ✓ ✓ ✓', () => ({})),
  // Content is the whole organisation's: only its admins write it.
  row(
    'saveArticle',
    'create an article',
    'org',
    '✗ ✗ ✗ ✓',
    () => ({ title: '新文章', summary: '摘要', body: paragraphs('正文'), source: '编辑部', categoryId: 'politics' }),
    withContent,
  ),
  row(
    'saveArticle',
    'edit an article',
    'org',
    '✗ ✗ ✗ ✓',
    () => ({ id: 'article-t', title: '改标题', summary: '摘要', body: paragraphs('正文'), source: '编辑部', categoryId: 'politics' }),
    withContent,
  ),
  row('scheduleArticle', 'an article', 'org', '✗ ✗ ✗ ✓', () => ({ id: 'article-t', day: '2026-11-30' }), withContent),
  row('retireArticle', 'an article', 'org', '✗ ✗ ✗ ✓', () => ({ id: 'article-t' }), withContent),
  row('listContent', 'articles', 'org', '✗ ✗ ✗ ✓', () => ({ kind: 'article' }), withContent),
  row('getContent', 'a book to edit', 'org', '✗ ✗ ✗ ✓', () => ({ kind: 'book', id: 'book-t' }), withContent),
  row('saveBook', 'create a book', 'org', '✗ ✗ ✗ ✓', () => ({ title: '新书', author: '作者', summary: '简介', categoryId: 'history' }), withContent),
  row('saveChapter', 'add a chapter', 'org', '✗ ✗ ✗ ✓', () => ({ bookId: 'book-t', title: '新章', body: paragraphs('正文') }), withContent),
  row('setBookRequirement', 'required for a branch', 'own', '✗ ✗ ✗ ✓', (at) => ({ bookId: 'book-t', year: 2026, branchIds: [at.branch] }), withContent),
  row('setRecommended', 'a book', 'org', '✗ ✗ ✗ ✓', () => ({ kind: 'book', id: 'book-t', recommended: true }), withContent),
  row('listOutbox', 'sends and editions', 'org', '✗ ✗ ✗ ✓', () => ({ kind: 'notification' })),

  // Reading and study time: published content is everyone's; study time is the reader's own alone.
  row('heartbeat', 'own reading session', 'self', '✓ ✓ ✓ ✓', () => beat('own-session-1'), withReading),
  row('heartbeat', 'a member’s session', 'own', '✗ ✗ ✗ ✗', beatOf, withSessionOf),
  row('heartbeat', 'a member’s session', 'sameBranch', '✗ ✗ ✗ ✗', beatOf, withSessionOf),
  row('heartbeat', 'a member’s session', 'otherBranch', '✗ ✗ ✗ ✗', beatOf, withSessionOf),
  row('getStudyRules', 'the rules in force', 'org', '✓ ✓ ✓ ✓', () => ({})),
  row('getArticle', 'a published article', 'org', '✓ ✓ ✓ ✓', () => ({ id: 'article-t' }), withReading),
  row('getChapter', 'a published chapter', 'org', '✓ ✓ ✓ ✓', () => ({ id: 'book-t-c1' }), withReading),
  row('getBook', 'a published book', 'org', '✓ ✓ ✓ ✓', () => ({ id: 'book-t' }), withReading),
  row('listLibrary', 'the library', 'org', '✓ ✓ ✓ ✓', () => ({}), withReading),
  row('getContinueReading', 'own reading', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getMyStudy', 'own study record', 'self', '✓ ✓ ✓ ✓', () => ({})),

  // 每周一学: composed by the 党委's admins; followed by each member; completion seen within reach.
  row('saveWeeklyList', 'create a list', 'org', '✗ ✗ ✗ ✓', () => ({ week: '2026-11-30', intro: '导语', items: weeklyItems }), withReading),
  row(
    'saveWeeklyList',
    'a list for a branch',
    'own',
    '✗ ✗ ✗ ✓',
    (at) => ({ week: '2026-11-30', intro: '导语', items: weeklyItems, branchIds: [at.branch] }),
    withReading,
  ),
  row('scheduleWeeklyList', 'a list', 'org', '✗ ✗ ✗ ✓', () => ({ id: 'weekly-t', scheduled: true }), withWeekly),
  row('getWeeklyList', 'a list to edit', 'org', '✗ ✗ ✗ ✓', () => ({ id: 'weekly-t' }), withWeekly),
  row('listWeeklyLists', 'every list', 'org', '✗ ✗ ✗ ✓', () => ({})),
  row('getMyWeekly', 'own list and progress', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('listMyWeeks', 'own past weeks', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getWeeklyProgress', 'completion in reach', 'org', '✗ ✓ ✓ ✓', () => ({ listId: 'weekly-t' }), withWeekly),
  row('getWeeklyProgress', 'a group’s completion', 'own', '✗ ✓ ✓ ✓', (at) => ({ listId: 'weekly-t', groupId: at.group }), withWeekly),
  row('getWeeklyProgress', 'a group’s completion', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ listId: 'weekly-t', groupId: at.group }), withWeekly),
  row('getWeeklyProgress', 'a group’s completion', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ listId: 'weekly-t', groupId: at.group }), withWeekly),
  row('getWeeklyProgress', 'a branch’s completion', 'own', '✗ ✗ ✓ ✓', (at) => ({ listId: 'weekly-t', branchId: at.branch }), withWeekly),
  row('getWeeklyProgress', 'a branch’s completion', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ listId: 'weekly-t', branchId: at.branch }), withWeekly),

  // 季度通报: one's own; a group's for its leader; a branch's for its admin; exports for admins in reach.
  row('getMyQuarterReport', 'own quarter', 'self', '✓ ✓ ✓ ✓', () => ({}), withReport),
  row('getUnitQuarterReport', 'the unit in reach', 'org', '✗ ✓ ✓ ✓', () => ({}), withReport),
  row('getUnitQuarterReport', 'a group', 'own', '✗ ✓ ✓ ✓', (at) => ({ unitId: at.group }), withReport),
  row('getUnitQuarterReport', 'a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ unitId: at.group }), withReport),
  row('getUnitQuarterReport', 'a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ unitId: at.group }), withReport),
  row('getUnitQuarterReport', 'a branch', 'own', '✗ ✗ ✓ ✓', (at) => ({ unitId: at.branch }), withReport),
  row('getUnitQuarterReport', 'a branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ unitId: at.branch }), withReport),
  row('getUnitQuarterReport', 'the organisation', 'org', '✗ ✗ ✗ ✓', () => ({ unitId: 'committee' }), withReport),
  row('exportQuarterReport', 'members in reach', 'org', '✗ ✗ ✓ ✓', () => ({ format: 'csv', rows: 'members' }), withReport),

  // Scoring: one's own points and the boards one belongs to; ratings of the units one leads.
  row('getMyScore', 'own points and stars', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getMyPoints', 'own points ledger', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getLeaderboard', 'own group’s board', 'self', '✓ ✓ ✓ ✓', () => ({ scope: 'group' })),
  row('getLeaderboard', 'the organisation’s', 'self', '✓ ✓ ✓ ✓', () => ({ scope: 'org', period: 'year', metric: 'hours' })),
  row('getScoreRules', 'the rules in force', 'org', '✓ ✓ ✓ ✓', () => ({})),
  row('saveScoreRules', 'a version from tomorrow', 'org', '✗ ✗ ✗ ✓', () => ({ ...DEFAULT_RULES, effectiveFrom: '2026-11-24' })),
  row('getUnitRatings', 'a group', 'own', '✗ ✓ ✓ ✓', (at) => ({ unitId: at.group })),
  row('getUnitRatings', 'a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ unitId: at.group })),
  row('getUnitRatings', 'a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ unitId: at.group })),
  row('getUnitRatings', 'a branch', 'own', '✗ ✗ ✓ ✓', (at) => ({ unitId: at.branch })),
  row('getUnitRatings', 'a branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ unitId: at.branch })),
  row('getUnitRatings', 'the organisation', 'org', '✗ ✗ ✗ ✓', () => ({ unitId: 'committee' })),

  // 小组讨论: the group's members and the admins above it; its leader (and those admins) moderate.
  row('listPrompts', 'a group’s prompts', 'own', '✓ ✓ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listPrompts', 'a group’s prompts', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listPrompts', 'a group’s prompts', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('getPrompt', 'a prompt', 'own', '✓ ✓ ✓ ✓', () => ({ id: thread.promptId }), withThread),
  row('getPrompt', 'a prompt', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.promptId }), withThread),
  row('getPrompt', 'a prompt', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.promptId }), withThread),
  row('getThread', 'a prompt and replies', 'own', '✓ ✓ ✓ ✓', () => ({ id: thread.promptId }), withThread),
  row('getThread', 'a prompt and replies', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.promptId }), withThread),
  row('getThread', 'a prompt and replies', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.promptId }), withThread),
  row('savePrompt', 'post to a group', 'own', '✗ ✓ ✓ ✓', (at) => ({ groupId: at.group, title: '讨论题', body: '内容' })),
  row('savePrompt', 'post to a group', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group, title: '讨论题', body: '内容' })),
  row('savePrompt', 'post to a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group, title: '讨论题', body: '内容' })),
  row('savePrompt', 'edit a prompt', 'own', '✗ ✓ ✓ ✓', () => ({ id: thread.promptId, title: '改', body: '改' }), withThread),
  row('savePrompt', 'edit a prompt', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.promptId, title: '改', body: '改' }), withThread),
  row('savePrompt', 'edit a prompt', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.promptId, title: '改', body: '改' }), withThread),
  row('setPromptState', 'pin a prompt', 'own', '✗ ✓ ✓ ✓', () => ({ id: thread.promptId, pinned: true }), withThread),
  row('setPromptState', 'pin a prompt', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.promptId, pinned: true }), withThread),
  row('setPromptState', 'pin a prompt', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.promptId, pinned: true }), withThread),
  row('listReplies', 'a prompt’s replies', 'own', '✓ ✓ ✓ ✓', () => ({ promptId: thread.promptId }), withThread),
  row('listReplies', 'a prompt’s replies', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ promptId: thread.promptId }), withThread),
  row('listReplies', 'a prompt’s replies', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ promptId: thread.promptId }), withThread),
  row('postReply', 'reply to a prompt', 'own', '✓ ✓ ✓ ✓', () => ({ promptId: thread.promptId, body: '回复' }), withThread),
  row('postReply', 'reply to a prompt', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ promptId: thread.promptId, body: '回复' }), withThread),
  row('postReply', 'reply to a prompt', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ promptId: thread.promptId, body: '回复' }), withThread),
  row('editReply', 'own reply', 'self', '✓ ✓ ✓ ✓', (_at, caller) => ({ id: thread.replies[caller] ?? 'none', body: '改' }), withOwnReplies),
  row('editReply', 'a member’s reply', 'own', '✗ ✗ ✗ ✗', () => ({ id: thread.replyId, body: '改' }), withThread),
  row('editReply', 'a member’s reply', 'sameBranch', '✗ ✗ ✗ ✗', () => ({ id: thread.replyId, body: '改' }), withThread),
  row('editReply', 'a member’s reply', 'otherBranch', '✗ ✗ ✗ ✗', () => ({ id: thread.replyId, body: '改' }), withThread),
  row('deleteReply', 'own reply', 'self', '✓ ✓ ✓ ✓', (_at, caller) => ({ id: thread.replies[caller] ?? 'none' }), withOwnReplies),
  row('deleteReply', 'a member’s reply', 'own', '✗ ✗ ✗ ✗', () => ({ id: thread.replyId }), withThread),
  row('deleteReply', 'a member’s reply', 'sameBranch', '✗ ✗ ✗ ✗', () => ({ id: thread.replyId }), withThread),
  row('deleteReply', 'a member’s reply', 'otherBranch', '✗ ✗ ✗ ✗', () => ({ id: thread.replyId }), withThread),
  row('likeReply', 'a member’s reply', 'own', '✓ ✓ ✓ ✓', () => ({ id: thread.replyId, liked: true }), withThread),
  row('likeReply', 'a member’s reply', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.replyId, liked: true }), withThread),
  row('likeReply', 'a member’s reply', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.replyId, liked: true }), withThread),
  row('featureReply', 'a member’s reply', 'own', '✗ ✓ ✓ ✓', () => ({ id: thread.replyId, featured: true }), withThread),
  row('featureReply', 'a member’s reply', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.replyId, featured: true }), withThread),
  row('featureReply', 'a member’s reply', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.replyId, featured: true }), withThread),
  row('hideReply', 'a member’s reply', 'own', '✗ ✓ ✓ ✓', () => ({ id: thread.replyId, reason: '离题' }), withThread),
  row('hideReply', 'a member’s reply', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: thread.replyId, reason: '离题' }), withThread),
  row('hideReply', 'a member’s reply', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: thread.replyId, reason: '离题' }), withThread),
  row('getGroupWeek', 'a group’s week', 'own', '✗ ✓ ✓ ✓', (at) => ({ groupId: at.group })),
  row('getGroupWeek', 'a group’s week', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('getGroupWeek', 'a group’s week', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('nudgeMembers', 'a group’s members', 'own', '✗ ✓ ✓ ✓', (at) => ({ groupId: at.group })),
  row('nudgeMembers', 'a group’s members', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('nudgeMembers', 'a group’s members', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),

  // 在线考核: the organisation's bank is kept by branch and committee admins; each member answers their own.
  row('saveQuestion', 'add a question', 'org', '✗ ✗ ✓ ✓', () => ({ question: newQuestion })),
  row('saveQuestion', 'edit a question', 'org', '✗ ✗ ✓ ✓', () => ({ id: 'q-t', question: newQuestion }), withQuiz),
  row('getQuestion', 'a question to edit', 'org', '✗ ✗ ✓ ✓', () => ({ id: 'q-t' }), withQuiz),
  row('retireQuestion', 'a question', 'org', '✗ ✗ ✓ ✓', () => ({ id: 'q-t', retired: true }), withQuiz),
  row('listQuestions', 'the bank', 'org', '✗ ✗ ✓ ✓', () => ({})),
  row('getDailyQuiz', 'own daily quiz', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('submitDailyQuiz', 'own daily quiz', 'self', '✓ ✓ ✓ ✓', () => ({ questionId: 'q-t', choice: [0] }), withQuiz),
  row('listWrongAnswers', 'own 错题本', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getChapterQuiz', 'own chapter quiz', 'self', '✓ ✓ ✓ ✓', () => ({ chapterId: 'book-t-c1' }), withReading),
  row(
    'submitChapterQuiz',
    'own chapter quiz',
    'self',
    '✓ ✓ ✓ ✓',
    () => ({ chapterId: 'book-t-c1', answers: [{ questionId: 'q-c1', choice: [0] }], requestKey: 'chapter-quiz-1' }),
    withChapterQuiz,
  ),
  row('saveExam', 'an exam for a group', 'own', '✗ ✗ ✓ ✓', (at) => examInput(at.group), withQuiz),
  row('saveExam', 'an exam for a group', 'otherBranch', '✗ ✗ ✗ ✓', (at) => examInput(at.group), withQuiz),
  row('saveExam', 'the organisation’s', 'org', '✗ ✗ ✗ ✓', () => examInput('committee'), withQuiz),
  row(
    'saveExam',
    'edit a group’s draft',
    'own',
    '✗ ✗ ✓ ✓',
    (at) => ({ ...examInput(at.group), id: 'exam-t' }),
    withExam((at) => at.group, 'draft'),
  ),
  row(
    'getExam',
    'a group’s exam',
    'own',
    '✗ ✓ ✓ ✓',
    () => ({ id: 'exam-t' }),
    withExam((at) => at.group),
  ),
  row(
    'getExam',
    'a group’s exam',
    'sameBranch',
    '✗ ✗ ✓ ✓',
    () => ({ id: 'exam-t' }),
    withExam((at) => at.group),
  ),
  row(
    'getExam',
    'a group’s exam',
    'otherBranch',
    '✗ ✗ ✗ ✓',
    () => ({ id: 'exam-t' }),
    withExam((at) => at.group),
  ),
  row('listManagedExams', 'exams in reach', 'org', '✗ ✓ ✓ ✓', () => ({}), orgExam),
  row(
    'publishExam',
    'a group’s draft',
    'own',
    '✗ ✗ ✓ ✓',
    () => ({ id: 'exam-t' }),
    withExam((at) => at.group, 'draft'),
  ),
  row(
    'publishExam',
    'a group’s draft',
    'otherBranch',
    '✗ ✗ ✗ ✓',
    () => ({ id: 'exam-t' }),
    withExam((at) => at.group, 'draft'),
  ),
  row('listExams', 'own exams', 'self', '✓ ✓ ✓ ✓', () => ({}), orgExam),
  row('startExamAttempt', 'own attempt', 'self', '✓ ✓ ✓ ✓', () => ({ examId: 'exam-t', requestKey: 'start-key-1' }), orgExam),
  row(
    'submitExamAttempt',
    'own attempt',
    'self',
    '✓ ✓ ✓ ✓',
    (_at, caller) => ({ attemptId: `exam-t_${caller}_1`, answers: [{ questionId: 'q-t', choice: [0] }] }),
    withAttempts,
  ),
  row('submitExamAttempt', 'a member’s attempt', 'own', '✗ ✗ ✗ ✗', (at) => ({ attemptId: `exam-t_${at.member}_1`, answers: [] }), withAttempts),
  row('getExamAttempt', 'own attempt', 'self', '✓ ✓ ✓ ✓', (_at, caller) => ({ attemptId: `exam-t_${caller}_1` }), withAttempts),
  row('getExamAttempt', 'a member’s attempt', 'otherBranch', '✗ ✗ ✗ ✗', (at) => ({ attemptId: `exam-t_${at.member}_1` }), withAttempts),
  row('getExamResults', 'a group’s results', 'own', '✗ ✓ ✓ ✓', (at) => ({ examId: 'exam-t', unitId: at.group }), orgExam),
  row('getExamResults', 'a group’s results', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ examId: 'exam-t', unitId: at.group }), orgExam),
  row('getExamResults', 'a group’s results', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ examId: 'exam-t', unitId: at.group }), orgExam),
  row('getMemberArchive', 'own archive', 'self', '✓ ✓ ✓ ✓', () => ({})),
  row('getMemberArchive', 'a member’s archive', 'own', '✗ ✓ ✓ ✓', (at) => ({ memberId: at.member })),
  row('getMemberArchive', 'a member’s archive', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member })),
  row('getMemberArchive', 'a member’s archive', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member })),
  row('exportMemberArchive', 'a group’s archives', 'own', '✗ ✓ ✓ ✓', (at) => ({ unitId: at.group, format: 'csv' })),
  row('exportMemberArchive', 'a group’s archives', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ unitId: at.group, format: 'csv' })),
  row('exportMemberArchive', 'a group’s archives', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ unitId: at.group, format: 'csv' })),
  row(
    'submitReflection',
    'own 学习心得',
    'self',
    '✓ ✓ ✓ ✓',
    () => ({ target: { kind: 'article', id: 'article-t' }, body: '学习体会'.repeat(15), requestKey: 'reflection-key-1' }),
    withReading,
  ),
  row('reviewReflection', 'a member’s 心得', 'own', '✗ ✓ ✓ ✓', () => ({ id: 'reflection-t', decision: 'approve' }), withReflection),
  row('reviewReflection', 'a member’s 心得', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: 'reflection-t', decision: 'approve' }), withReflection),
  row('reviewReflection', 'a member’s 心得', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: 'reflection-t', decision: 'approve' }), withReflection),
  row('listReflections', 'own 心得', 'self', '✓ ✓ ✓ ✓', () => ({ scope: 'mine' })),
  row('listReflections', 'a group’s 心得', 'own', '✓ ✓ ✓ ✓', (at) => ({ scope: 'group', groupId: at.group })),
  row('listReflections', 'a group’s 心得', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ scope: 'group', groupId: at.group })),
  row('listReflections', 'a group’s 心得', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ scope: 'group', groupId: at.group })),
  row('saveMeeting', 'a group’s meeting', 'own', '✗ ✓ ✓ ✓', (at) => meetingInput(at.group)),
  row('saveMeeting', 'a group’s meeting', 'sameBranch', '✗ ✗ ✓ ✓', (at) => meetingInput(at.group)),
  row('saveMeeting', 'a group’s meeting', 'otherBranch', '✗ ✗ ✗ ✓', (at) => meetingInput(at.group)),
  row('saveMeeting', 'a branch’s 党课', 'own', '✗ ✗ ✓ ✓', (at) => meetingInput(at.branch, 'partyLecture')),
  row('saveMeeting', 'the organisation’s', 'org', '✗ ✗ ✗ ✓', () => meetingInput('committee', 'partyLecture')),
  row('cancelMeeting', 'a group’s meeting', 'own', '✗ ✓ ✓ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('cancelMeeting', 'a group’s meeting', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('listMeetings', 'own meetings', 'self', '✓ ✓ ✓ ✓', () => ({ scope: 'mine' }), groupMeeting),
  row('listMeetings', 'meetings to run', 'org', '✗ ✓ ✓ ✓', () => ({ scope: 'managed' }), groupMeeting),
  row('getMeeting', 'a group’s meeting', 'own', '✓ ✓ ✓ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('getMeeting', 'a group’s meeting', 'sameBranch', '✗ ✗ ✓ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('getMeeting', 'a group’s meeting', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('getMeetingCodes', 'a group’s meeting', 'own', '✗ ✓ ✓ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('getMeetingCodes', 'a group’s meeting', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ id: 'meeting-t' }), groupMeeting),
  row('signInMeeting', 'own group’s meeting', 'own', '✓ ✓ ✓ ✓', () => ({ meetingId: 'meeting-t', code: meetingCode() }), groupMeeting),
  row('signInMeeting', 'another group’s', 'sameBranch', '✗ ✗ ✗ ✗', () => ({ meetingId: 'meeting-t', code: meetingCode() }), groupMeeting),
  row('signInMeeting', 'another branch’s group', 'otherBranch', '✗ ✗ ✗ ✗', () => ({ meetingId: 'meeting-t', code: meetingCode() }), groupMeeting),
  row('requestLeave', 'own group’s meeting', 'own', '✓ ✓ ✓ ✓', () => ({ meetingId: 'meeting-t', reason: '出差' }), groupMeeting),
  row('requestLeave', 'another branch’s group', 'otherBranch', '✗ ✗ ✗ ✗', () => ({ meetingId: 'meeting-t', reason: '出差' }), groupMeeting),
  row('reviewLeave', 'a member’s leave', 'own', '✗ ✓ ✓ ✓', (at) => ({ meetingId: 'meeting-t', memberId: at.member, approve: true }), withLeave),
  row('reviewLeave', 'a member’s leave', 'sameBranch', '✗ ✗ ✓ ✓', (at) => ({ meetingId: 'meeting-t', memberId: at.member, approve: true }), withLeave),
  row('reviewLeave', 'a member’s leave', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ meetingId: 'meeting-t', memberId: at.member, approve: true }), withLeave),
  row('markAttendance', 'a member present', 'own', '✗ ✓ ✓ ✓', (at) => ({ meetingId: 'meeting-t', memberId: at.member, note: '补登' }), groupMeeting),
  row('markAttendance', 'a member present', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ meetingId: 'meeting-t', memberId: at.member, note: '补登' }), groupMeeting),
  row('saveMeetingMinutes', 'a group’s 会议记录', 'own', '✗ ✓ ✓ ✓', () => ({ meetingId: 'meeting-t', minutes: '学习了党章' }), groupMeeting),
  row('saveMeetingMinutes', 'a group’s 会议记录', 'otherBranch', '✗ ✗ ✗ ✓', () => ({ meetingId: 'meeting-t', minutes: '学习了党章' }), groupMeeting),
  row('retryWrongAnswer', 'own 错题本', 'self', '✓ ✓ ✓ ✓', () => ({ questionId: 'q-t', choice: [0], requestKey: 'retry-key-1' }), withMisses),
]

async function world(): Promise<TestCloud> {
  const cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
  for (const at of Object.values(AT)) await cloud.addInvitation({ _id: at.code, groupId: at.group, branchId: at.branch })
  return cloud
}

const objectsAt = (place: Place): Objects => (place === 'self' || place === 'org' ? AT.own : AT[place])

describe('the matrix', () => {
  it('has rows for every function in the contract, and nothing else', () => {
    expect(new Set(MATRIX.map((r) => r.fn))).toEqual(new Set(Object.keys(contract)))
  })

  it('gives every row one expectation per role', () => {
    for (const r of MATRIX) expect(r.expected.split(' ')).toEqual([expect.stringMatching(/^[✓✗]$/), expect.any(String), expect.any(String), expect.any(String)])
  })
})

const cells = MATRIX.flatMap((r) => (Object.keys(ROLES) as RoleName[]).map((role, i) => ({ ...r, role, allowed: r.expected.split(' ')[i] === '✓' })))

describe.each(cells.map((c) => [`${c.fn} · ${c.what} · ${c.place} · ${c.role} → ${c.allowed ? '✓' : '✗'}`, c] as const))('%s', (_title, cell) => {
  it('answers as the matrix says', async () => {
    const cloud = await world()
    try {
      const at = objectsAt(cell.place)
      await cell.prepare?.(cloud, at)
      const caller = ROLES[cell.role]
      const result = await cloud.call(fnOf(cell.fn), `wx-${caller}`, cell.input(at, caller))
      if (cell.allowed) expect(result).toMatchObject({ ok: true })
      else expect(result).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/^你没有权限/) })
    } finally {
      await cloud.close()
    }
  })
})

describe('callers without an active member record', () => {
  const firstRow = (fn: ActionName) => MATRIX.find((r) => r.fn === fn)!
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await world()
    await cloud.addMember({ _id: 'left', openid: 'wx-left', status: 'inactive', roles: ['member', 'orgAdmin'] })
  })
  afterAll(() => cloud.close())

  beforeAll(() => withReading(cloud))

  /** A shared article opens for anyone signed in to WeChat (GUEST_ACTIONS), as a guest. */
  const GUEST_READABLE: ActionName[] = ['getArticle']

  it.each(Object.keys(contract) as ActionName[])('%s: an unregistered WeChat user is told to register (register itself is open)', async (fn) => {
    const input = firstRow(fn).input(AT.own, '新来的')
    const result = await cloud.call(fnOf(fn), `wx-stranger-${fn}`, input)
    if (fn === 'register') expect(result).toMatchObject({ ok: true, data: { status: 'created' } })
    else if (GUEST_READABLE.includes(fn)) expect(result).toMatchObject({ ok: true, data: { guest: true } })
    else expect(result).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  })

  it.each(Object.keys(contract) as ActionName[])('%s: a deactivated member is refused, whatever roles they held', async (fn) => {
    const result = await cloud.call(fnOf(fn), 'wx-left', firstRow(fn).input(AT.own, 'left'))
    if (GUEST_READABLE.includes(fn)) expect(result).toMatchObject({ ok: true, data: { guest: true } })
    else expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('停用') })
  })

  it.each<{ name: string; main(event: unknown): Promise<unknown> }>([reconcileScores, freezeRatings])(
    'the $name timer refuses any call made by a user, whatever their roles',
    async (timer) => {
      for (const openid of ['wx-org', 'wx-m1', 'wx-left', 'wx-stranger']) {
        expect(await cloud.call(timer, openid, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      }
    },
  )

  it('the dailyPush timer refuses any call made by a user, whatever their roles', async () => {
    for (const openid of ['wx-org', 'wx-m1', 'wx-left', 'wx-stranger']) {
      expect(await cloud.call(dailyPush, openid, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  it.each(Object.keys(contract) as ActionName[])('%s: no OPENID in the context is UNAUTHENTICATED', async (fn) => {
    expect(await cloud.call(fnOf(fn), undefined, firstRow(fn).input(AT.own, ''))).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })
})
