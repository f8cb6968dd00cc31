import * as z from './zod'
import { NotificationResult, Subscription } from './content-functions'
import { DayKey } from './domain'
import { HIDE_REASON_MAX, PROMPT_BODY_MAX, PROMPT_LINK_TITLE_MAX, PROMPT_TITLE_MAX, REPLY_MAX } from './constants'
import { Cursor, id, page, text } from './fields'

/**
 * 小组讨论 and the leader's week view of a 党小组. Only the group's members and the admins above it
 * read or write a group's discussion.
 */

/** `open`: members reply; `closed`: read only; `archived`: moved out of the group's list. */
export const PromptStatus = z.enum(['open', 'closed', 'archived'])
export type PromptStatus = z.infer<typeof PromptStatus>

/** What a prompt is about: an article, a book's chapter or an item of the weekly list (每周一学). */
export const PromptLinkKind = z.enum(['article', 'chapter', 'weekly'])
export const PromptLink = z.strictObject({
  kind: PromptLinkKind,
  id: id('关联内容编号'),
  title: text('关联内容标题', PROMPT_LINK_TITLE_MAX),
})
export type PromptLink = z.infer<typeof PromptLink>

export const PromptSummary = z.object({
  _id: z.string(),
  groupId: z.string(),
  title: z.string(),
  /** The first lines of the body. */
  excerpt: z.string(),
  status: PromptStatus,
  pinned: z.boolean(),
  closesOn: DayKey.nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  /** Replies written, deleted and hidden ones included. */
  replyCount: z.number().int().nonnegative(),
  /** Active members of the group who replied at least once. */
  participantCount: z.number().int().nonnegative(),
})
export type PromptSummary = z.infer<typeof PromptSummary>

export const PersonRef = z.object({ _id: z.string(), name: z.string() })
export type PersonRef = z.infer<typeof PersonRef>

export const Prompt = PromptSummary.extend({
  body: z.string(),
  link: PromptLink.nullable(),
  /** Set once the prompt was changed after posting (已编辑). */
  editedAt: z.string().nullable(),
  /** The group's active members who have not replied yet. */
  notYet: z.array(PersonRef),
  memberCount: z.number().int().nonnegative(),
  /** The caller may reply (the prompt is open). */
  canReply: z.boolean(),
  /** The caller leads the group or administers above it: edit, pin, close, feature, hide. */
  canModerate: z.boolean(),
})
export type Prompt = z.infer<typeof Prompt>

export const ReplyStatus = z.enum(['visible', 'deleted', 'hidden'])
export type ReplyStatus = z.infer<typeof ReplyStatus>

export const Reply = z.object({
  _id: z.string(),
  promptId: z.string(),
  /** The reply this one answers (one level deep), or null. */
  parentId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  /** 该回复已删除 / 该回复已被隐藏 in place of the text when not visible. */
  body: z.string(),
  status: ReplyStatus,
  hiddenReason: z.string().nullable(),
  featured: z.boolean(),
  likeCount: z.number().int().nonnegative(),
  likedByMe: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  mine: z.boolean(),
})
export type Reply = z.infer<typeof Reply>

/** A top-level reply with its answers, oldest first. */
export const ReplyThread = Reply.extend({ children: z.array(Reply) })
export type ReplyThread = z.infer<typeof ReplyThread>

/**
 * Chosen by the client once per text it posts and sent again on a retry: the server then answers
 * what the first attempt stored instead of posting twice.
 */
export const RequestKey = z.string({ error: '请求编号应为文字' }).regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号无效')

export const ListPromptsInput = z.strictObject({
  /** Defaults to the caller's own group. */
  groupId: id('党小组编号').optional(),
  /** true: the archived prompts instead of the current ones. */
  archived: z.boolean({ error: 'archived 应为是或否' }).optional(),
  cursor: Cursor.optional(),
})
/** Pinned first, then newest first. */
export const ListPromptsOutput = page(PromptSummary)

export const PromptIdInput = z.strictObject({ id: id('讨论题编号') })
export const ReplyIdInput = z.strictObject({ id: id('回复编号') })

export const SavePromptInput = z.strictObject({
  /** Absent: post a new prompt; present: edit it. */
  id: id('讨论题编号').optional(),
  /** For a new prompt; defaults to the caller's own group. */
  groupId: id('党小组编号').optional(),
  title: text('标题', PROMPT_TITLE_MAX),
  body: text('讨论内容', PROMPT_BODY_MAX),
  link: PromptLink.nullable().optional(),
  closesOn: DayKey.nullable().optional(),
  /** For a new prompt: a retry with the same key posts nothing more. */
  requestKey: RequestKey.optional(),
})

export const SetPromptStateInput = z
  .strictObject({
    id: id('讨论题编号'),
    pinned: z.boolean({ error: 'pinned 应为是或否' }).optional(),
    status: PromptStatus.optional(),
  })
  .refine((v) => v.pinned !== undefined || v.status !== undefined, '没有要修改的内容')

export const ListRepliesInput = z.strictObject({ promptId: id('讨论题编号'), cursor: Cursor.optional() })
/** Featured first, then newest first; each with its answers. */
export const ListRepliesOutput = page(ReplyThread)

export const PostReplyInput = z.strictObject({
  promptId: id('讨论题编号'),
  /** Answering a reply; an answer to an answer goes under the same top-level reply. */
  parentId: id('回复编号').optional(),
  body: text('回复', REPLY_MAX),
  /** A retry with the same key posts nothing more. */
  requestKey: RequestKey.optional(),
})
export const EditReplyInput = z.strictObject({ id: id('回复编号'), body: text('回复', REPLY_MAX) })
export const LikeReplyInput = z.strictObject({ id: id('回复编号'), liked: z.boolean({ error: 'liked 应为是或否' }) })
export const FeatureReplyInput = z.strictObject({ id: id('回复编号'), featured: z.boolean({ error: 'featured 应为是或否' }) })
export const HideReplyInput = z.strictObject({ id: id('回复编号'), reason: text('隐藏理由', HIDE_REASON_MAX) })

/** One member's week in the leader's view. */
export const GroupMemberWeek = z.object({
  memberId: z.string(),
  name: z.string(),
  isLeader: z.boolean(),
  /** Shanghai days of this week (Monday first) with a check-in. */
  checkedDays: z.array(DayKey),
  /** Credited study minutes this week, rounded down. */
  minutes: z.number().int().nonnegative(),
  /** Below the target's share for the days of the week so far. */
  behind: z.boolean(),
  /** What became of today's reminder (已发送, 未订阅…); null: not reminded today. */
  nudge: NotificationResult.nullable(),
})
export type GroupMemberWeek = z.infer<typeof GroupMemberWeek>

export const GetGroupWeekInput = z.strictObject({ groupId: id('党小组编号').optional() })
export const GetGroupWeekOutput = z.object({
  group: z.object({ _id: z.string(), name: z.string() }),
  /** Monday … Sunday of the current Shanghai week. */
  days: z.array(DayKey),
  today: DayKey,
  weeklyTargetMinutes: z.number().int().positive(),
  /** What a member should have by today: the target's share of the days so far, rounded up. */
  expectedMinutes: z.number().int().nonnegative(),
  members: z.array(GroupMemberWeek),
  /** Open prompts with their participation. */
  openPrompts: z.array(PromptSummary),
  memberCount: z.number().int().nonnegative(),
})

export const NudgeMembersInput = z.strictObject({
  groupId: id('党小组编号').optional(),
  /** Only these of the members behind; absent: all of them. */
  memberIds: z.array(id('成员编号')).max(200, '一次最多提醒 200 人').optional(),
})
/** What became of one member's message: only `sent` reached them (`deferred` will, in the morning). */
export const DeliveryOutcome = PersonRef.extend({ result: NotificationResult })
export type DeliveryOutcome = z.infer<typeof DeliveryOutcome>
export const NudgeOutcome = DeliveryOutcome.extend({
  /** Reminded earlier today: nothing was sent again, `result` is that earlier one's. */
  repeated: z.boolean(),
})
export type NudgeOutcome = z.infer<typeof NudgeOutcome>
export const NudgeMembersOutput = z.object({ results: z.array(NudgeOutcome) })

/** The prompt as saved; a new one with what became of the notice to each member of the group (null: an edit, nobody told). */
export const SavePromptOutput = Prompt.extend({ announced: z.array(DeliveryOutcome).nullable() })

/** A 讨论题's page: the prompt, its first replies, and the caller's reminder for new prompts in the group. */
export const GetThreadOutput = z.object({ prompt: Prompt, replies: ListRepliesOutput, subscriptions: z.array(Subscription) })

/** The discussion and group-week functions; spread into `contract`. */
export const discussionContract = {
  listPrompts: { input: ListPromptsInput, output: ListPromptsOutput },
  getPrompt: { input: PromptIdInput, output: Prompt },
  getThread: { input: PromptIdInput, output: GetThreadOutput },
  savePrompt: { input: SavePromptInput, output: SavePromptOutput },
  setPromptState: { input: SetPromptStateInput, output: Prompt },
  listReplies: { input: ListRepliesInput, output: ListRepliesOutput },
  postReply: { input: PostReplyInput, output: Reply },
  editReply: { input: EditReplyInput, output: Reply },
  deleteReply: { input: ReplyIdInput, output: Reply },
  likeReply: { input: LikeReplyInput, output: Reply },
  featureReply: { input: FeatureReplyInput, output: Reply },
  hideReply: { input: HideReplyInput, output: Reply },
  getGroupWeek: { input: GetGroupWeekInput, output: GetGroupWeekOutput },
  nudgeMembers: { input: NudgeMembersInput, output: NudgeMembersOutput },
} as const
