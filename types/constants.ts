/**
 * The contract's numbers and named values without zod: limits, page sizes and the values of the
 * enumerations the pages offer. The mini-program imports values only from zod-free modules like
 * this one (and `import type` from the schemas), so no schema travels to the phone.
 */

// ---------------------------------------------------------------- people and units
/** Longest document id a call may name. */
export const ID_MAX = 64
export const NAME_MAX = 20
export const UNIT_NAME_MAX = 30
export const MEMBERS_PAGE_SIZE = 20
export const INVITATION_MAX_USES = 200
export const INVITATION_MAX_DAYS = 90
export const INVITATIONS_PAGE_SIZE = 20
export const AUDIT_PAGE_SIZE = 20
export const REFLECTION_MAX = 500

export const ROLES = ['member', 'leader', 'branchAdmin', 'orgAdmin'] as const

// ---------------------------------------------------------------- content
export const ARTICLE_TITLE_MAX = 64
/** The official account's digest is at most 120 characters. */
export const ARTICLE_SUMMARY_MAX = 120
export const SOURCE_MAX = 30
export const BOOK_TITLE_MAX = 50
export const AUTHOR_MAX = 30
export const BOOK_SUMMARY_MAX = 500
export const CHAPTER_TITLE_MAX = 50
export const CONTENT_PAGE_SIZE = 20
export const OUTBOX_PAGE_SIZE = 20
/** A body's blocks: how many, and the characters each kind's fields may hold. */
export const BODY_BLOCKS_MAX = 500
export const BLOCK_TEXT_MAX = { heading: 100, paragraph: 5000, quote: 2000, cite: 100, caption: 100 } as const
/** A video item is at most four hours long. */
export const VIDEO_SECONDS_MAX = 4 * 3600
/** A video is 看完 once this share of it was played (and as much time credited: server/study/rules.ts). */
export const VIDEO_WATCHED_SHARE = 0.9
/** The reader stops counting study time after this long without a touch or a scroll (unless audio plays). */
export const READER_IDLE_SECONDS = 120
/** Chinese reading speed used to estimate minutes: characters per minute. */
export const READING_CHARS_PER_MINUTE = 300

/**
 * An article is written as a `draft`, then either `scheduled` for a Shanghai day or `queued` (ready,
 * pushed on the first day nothing is scheduled), `published` by the daily push, and maybe `retired`.
 * A book is only ever `draft`, `published` or `retired`.
 */
export const CONTENT_STATUSES = ['draft', 'queued', 'scheduled', 'published', 'retired'] as const
export const BOOK_STATUSES = ['draft', 'published', 'retired'] as const

// ---------------------------------------------------------------- study
export const STUDY_KINDS = ['article', 'chapter'] as const
export const LIBRARY_PAGE_SIZE = 20
export const CONTINUE_READING_MAX = 5

// ---------------------------------------------------------------- discussion
export const PROMPT_TITLE_MAX = 40
export const PROMPT_BODY_MAX = 2000
export const PROMPT_LINK_TITLE_MAX = 60
export const REPLY_MAX = 2000
export const HIDE_REASON_MAX = 100
export const PROMPTS_PAGE_SIZE = 20
export const REPLIES_PAGE_SIZE = 20

// ---------------------------------------------------------------- 每周一学
export const WEEKLY_INTRO_MAX = 300
export const WEEKLY_ITEMS_MAX = 20
export const WEEKLY_TARGET_DEFAULT = 30
export const MY_WEEKS_PAGE_SIZE = 10
export const WEEKLY_LISTS_PAGE_SIZE = 20

// ---------------------------------------------------------------- scoring
/** What scores. A later source is one more kind here and one more rule in the configuration. */
export const SCORE_KINDS = [
  'checkin',
  'studyTime',
  'chapterDone',
  'bookDone',
  'weeklyItemDone',
  'reply',
  'replyFeatured',
  'quiz',
  'reflection',
  'meeting',
] as const
type ScoreKind = (typeof SCORE_KINDS)[number]

/** What each kind is called where the rules are told or edited. */
export const SCORE_KIND_NAMES: Record<ScoreKind, string> = {
  checkin: '每日学习打卡',
  studyTime: '学时',
  chapterDone: '读完一章',
  bookDone: '读完一本书',
  weeklyItemDone: '完成每周一学的一项',
  reply: '在小组讨论中发言',
  replyFeatured: '发言被组长设为精选',
  quiz: '每日答题答对一题',
  reflection: '学习心得被组长通过',
  meeting: '参加组织生活（签到）',
}
export const LEADERBOARD_SIZE = 20

// ---------------------------------------------------------------- 学习心得
/** A 学习心得 or 书评 (not the check-in's few words): at least this many characters, at most that many. */
export const REFLECTION_ESSAY_MIN = 50
export const REFLECTION_ESSAY_MAX = 3000
export const REFLECTION_COMMENT_MAX = 200
export const REFLECTIONS_PAGE_SIZE = 20

// ---------------------------------------------------------------- 在线考核
export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const
export const QUESTION_TYPE_NAMES: Record<(typeof QUESTION_TYPES)[number], string> = { single: '单选题', multiple: '多选题', judge: '判断题' }
/** A 判断题's two options, in this order: answer 0 is 对. */
export const JUDGE_OPTIONS = ['对', '错'] as const
export const QUESTION_STEM_MAX = 300
export const QUESTION_OPTION_MAX = 100
export const QUESTION_OPTIONS_MAX = 6
export const QUESTION_EXPLANATION_MAX = 500
export const QUESTION_TAG_MAX = 20
export const QUESTION_TAGS_MAX = 8
export const QUESTIONS_PAGE_SIZE = 20
/** 每日答题: questions a member gets a Shanghai day. */
export const DAILY_QUIZ_SIZE = 5
/** A question answered in this many days (today included) is not drawn again. */
export const DAILY_QUIZ_FRESH_DAYS = 30
/** A question leaves the 错题本 once answered right this many times after it went in. */
export const WRONG_CLEARED_AFTER = 2
/** A chapter's quiz: at most this many of the questions written for it. */
export const CHAPTER_QUIZ_SIZE = 3
/** A chapter quiz is passed with at least this share right (2 of 3). */
export const CHAPTER_QUIZ_PASS_SHARE = 0.6
export const EXAM_TITLE_MAX = 40
export const EXAM_INTRO_MAX = 300
export const EXAM_QUESTIONS_MAX = 100
export const EXAM_ATTEMPTS_MAX = 5
export const EXAM_TIME_LIMIT_MAX = 180
/** A submission this long after an attempt's deadline still counts (a slow network, a clock a little off). */
export const EXAM_GRACE_SECONDS = 30
export const EXAMS_PAGE_SIZE = 20
/** How exam results are banded, by percent: 0–59, 60–69, 70–79, 80–89, 90–100. */
export const EXAM_SCORE_BANDS = ['0–59', '60–69', '70–79', '80–89', '90–100'] as const
/** The 错题本 shows at most this many questions, the most recently missed first. */
export const WRONG_BOOK_MAX = 100
