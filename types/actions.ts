/**
 * Which deployable cloud function serves each action. A cloud environment allows 50 functions, so
 * the callable actions are grouped by domain into a few functions that route `{ action, ...input }`;
 * each action keeps its own schemas in `contract`. Zod-free: the mini-program routes by it too.
 */
export const FUNCTIONS = {
  /** The member's own day: profile, check-in, the home page, subscribe-message grants. */
  member: ['getMe', 'register', 'updateProfile', 'getHome', 'checkIn', 'getCheckInSummary', 'recordSubscription'],
  /** The organisation: units, the roster, roles, invitations, the audit log, and its 组织生活 (meetings, sign-in, leave). */
  org: [
    'listUnits',
    'saveUnit',
    'archiveUnit',
    'listMembers',
    'preregisterMember',
    'moveMember',
    'setRoles',
    'deactivateMember',
    'reactivateMember',
    'confirmSamePerson',
    'createInvitation',
    'revokeInvitation',
    'listInvitations',
    'listAudit',
    'saveMeeting',
    'cancelMeeting',
    'listMeetings',
    'getMeeting',
    'getMeetingCodes',
    'signInMeeting',
    'requestLeave',
    'reviewLeave',
    'markAttendance',
    'saveMeetingMinutes',
  ],
  /** Reading and study time: today's push, the library, the reader, my study. */
  study: ['getToday', 'listCategories', 'getStudyRules', 'getArticle', 'getChapter', 'getBook', 'listLibrary', 'getContinueReading', 'getMyStudy', 'heartbeat'],
  /** A 党小组: its members, its discussion, its members' 学习心得 and its leader's week. */
  group: [
    'getGroup',
    'listPrompts',
    'getThread',
    'getPrompt',
    'savePrompt',
    'setPromptState',
    'listReplies',
    'postReply',
    'editReply',
    'deleteReply',
    'likeReply',
    'featureReply',
    'hideReply',
    'getGroupWeek',
    'nudgeMembers',
    'submitReflection',
    'reviewReflection',
    'listReflections',
  ],
  /** Points, stars, leaderboards and the scoring rules. */
  score: ['getMyScore', 'getMyPoints', 'getLeaderboard', 'getScoreRules', 'saveScoreRules', 'getUnitRatings'],
  /** 每周一学: composing, publishing and following the weekly list. */
  weekly: ['saveWeeklyList', 'scheduleWeeklyList', 'getWeeklyList', 'listWeeklyLists', 'getMyWeekly', 'listMyWeeks', 'getWeeklyProgress'],
  /** 季度通报 and its export; a member's 电子档案. */
  report: ['getMyQuarterReport', 'getUnitQuarterReport', 'exportQuarterReport', 'getMemberArchive', 'exportMemberArchive'],
  /** The organisation's admins: articles, books, chapters, recommendations, the outbox. */
  content: [
    'saveArticle',
    'scheduleArticle',
    'retireArticle',
    'listContent',
    'getContent',
    'saveBook',
    'saveChapter',
    'setBookRequirement',
    'setRecommended',
    'listOutbox',
  ],
  /** 在线考核: the question bank, 每日答题 with its 错题本, 章节小测 and exams. */
  quiz: [
    'saveQuestion',
    'getQuestion',
    'retireQuestion',
    'listQuestions',
    'getDailyQuiz',
    'submitDailyQuiz',
    'listWrongAnswers',
    'retryWrongAnswer',
    'getChapterQuiz',
    'submitChapterQuiz',
    'saveExam',
    'getExam',
    'listManagedExams',
    'publishExam',
    'listExams',
    'startExamAttempt',
    'submitExamAttempt',
    'getExamAttempt',
    'getExamResults',
  ],
} as const

/** A deployable function that routes actions. */
export type Domain = keyof typeof FUNCTIONS
/** A callable action. */
export type ActionName = (typeof FUNCTIONS)[Domain][number]

const DOMAIN_OF = new Map<string, Domain>(
  (Object.keys(FUNCTIONS) as Domain[]).flatMap((domain) => FUNCTIONS[domain].map((action) => [action, domain] as const)),
)

/** The function that serves an action, or undefined for a name that is none. */
export const domainOf = (action: string): Domain | undefined => DOMAIN_OF.get(action)
