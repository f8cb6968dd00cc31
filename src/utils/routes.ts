/** Page paths, as `Taro.navigateTo` and friends take them. */
export const ROUTES = {
  home: '/pages/index/index',
  study: '/pages/study/index',
  group: '/pages/group/index',
  me: '/pages/me/index',
  register: '/pages/register/index',
  /** `?kind=article|chapter&id=…`: one reader for articles and chapters. */
  reader: '/pages/reader/index',
  /** `?id=…`: a book's chapters and the member's progress. */
  book: '/pages/book/index',
  myStudy: '/pages/my-study/index',
  studyRules: '/pages/study-rules/index',
  /** `?week=…` (a Monday) for a past week; without it, this week and the history. */
  weekly: '/pages/weekly/index',
  /** `?listId=…&groupId=…|branchId=…`: completion of a 每周一学 list (leaders and admins). */
  weeklyProgress: '/packageAdmin/pages/weekly-progress/index',
  adminWeekly: '/packageAdmin/pages/weekly/index',
  /** `?id=…` edits a list; without it composes a new one. */
  adminWeeklyEdit: '/packageAdmin/pages/weekly-edit/index',
  myQuarter: '/packageReport/pages/mine/index',
  /** `?memberId=…` (a leader or admin); without it the caller's own 电子档案. */
  archive: '/packageReport/pages/archive/index',
  /** `?unitId=…`; without it the caller's own group, branch or organisation. */
  unitQuarter: '/packageReport/pages/unit/index',
  admin: '/packageAdmin/pages/index/index',
  adminUnits: '/packageAdmin/pages/units/index',
  adminMembers: '/packageAdmin/pages/members/index',
  adminMember: '/packageAdmin/pages/member/index',
  adminPreregister: '/packageAdmin/pages/preregister/index',
  adminInvitations: '/packageAdmin/pages/invitations/index',
  adminAudit: '/packageAdmin/pages/audit/index',
  /** `?id=…`: a discussion prompt with its replies. */
  groupPrompt: '/packageGroup/pages/prompt/index',
  /** `?id=…` edits a prompt; without it posts a new one. */
  groupPromptEdit: '/packageGroup/pages/edit/index',
  groupNudge: '/packageGroup/pages/nudge/index',
  /** 学习心得: mine, the group's 精选, and (leaders) those to review. */
  reflections: '/packageGroup/pages/reflections/index',
  /** `?kind=book|article|weekly&id=…&title=…`: writes a 学习心得 on it. */
  reflectionEdit: '/packageGroup/pages/reflection-edit/index',
  /** 组织生活: my meetings and, for leaders and admins, those they run. */
  meetings: '/packageGroup/pages/meetings/index',
  /** `?id=…`: a meeting — sign in, ask for leave; for those who run it the roster (the 会议通知 opens it). */
  meeting: '/packageGroup/pages/meeting/index',
  /** `?id=…` changes a meeting not started; without it schedules one. */
  meetingEdit: '/packageGroup/pages/meeting-edit/index',
  /** `?id=…`: the rotating sign-in QR and code, on the leader's phone. */
  meetingCode: '/packageGroup/pages/meeting-code/index',
  adminContent: '/packageAdmin/pages/content/index',
  adminArticle: '/packageAdmin/pages/article/index',
  adminBook: '/packageAdmin/pages/book/index',
  adminChapter: '/packageAdmin/pages/chapter/index',
  adminOutbox: '/packageAdmin/pages/outbox/index',
  /** A new version of the score rules (组织管理员). */
  adminScoreRules: '/packageAdmin/pages/score-rules/index',
  leaderboard: '/packageScore/pages/leaderboard/index',
  scoreRules: '/packageScore/pages/rules/index',
  scorePoints: '/packageScore/pages/points/index',
  /** Group and branch star ratings (leaders and admins). */
  unitRatings: '/packageScore/pages/ratings/index',
  quizDaily: '/packageQuiz/pages/daily/index',
  quizWrong: '/packageQuiz/pages/wrong/index',
  /** 我的考试 (the 考试通知 opens it). */
  quizExams: '/packageQuiz/pages/exams/index',
  /** `?examId=…` starts or resumes an attempt; `?attemptId=…` shows one. */
  quizExam: '/packageQuiz/pages/exam/index',
  /** `?examId=…[&unitId=…]`: an exam's results (leaders and admins). */
  quizExamResults: '/packageQuiz/pages/exam-results/index',
  /** `?id=…`: a completed chapter's 章节小测. */
  quizChapter: '/packageQuiz/pages/chapter/index',
  /** 题库 (支部管理员 and 组织管理员). */
  adminQuestions: '/packageAdmin/pages/questions/index',
  /** `?id=…` edits a question; without it adds one. */
  adminQuestion: '/packageAdmin/pages/question/index',
  adminExams: '/packageAdmin/pages/exams/index',
  /** `?id=…` edits a draft; without it composes a new exam. */
  adminExamEdit: '/packageAdmin/pages/exam-edit/index',
} as const

/** A path with query parameters, each encoded. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** The tab bar's pages (app.config.ts): WeChat and the H5 router draw no back button on them. */
export const TAB_PAGES: readonly string[] = [ROUTES.home, ROUTES.study, ROUTES.group, ROUTES.me]

/** A query value as given to the page (some platforms hand it over still encoded). */
export function queryValue(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
