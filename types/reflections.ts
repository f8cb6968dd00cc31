import { REFLECTION_COMMENT_MAX, REFLECTION_ESSAY_MAX, REFLECTION_ESSAY_MIN } from './constants'
import { RequestKey } from './discussion'
import { Cursor, id, page, text } from './fields'
import { charCount } from './text'
import * as z from './zod'

/**
 * 学习心得 / 书评: a member writes on a book, an article, a week's 每周一学 list or a meeting they were part
 * of (组织生活: once it has begun); the group's leader
 * approves it (通过, points once) or returns it with a comment (退回); an approved one may be featured
 * (精选) for the group.
 */
export const ReflectionTarget = z.strictObject({
  kind: z.enum(['book', 'article', 'weekly', 'meeting'], { error: '心得应写给一本书、一篇文章、一周的学习清单或一次会议' }),
  id: id('内容编号'),
})
export type ReflectionTarget = z.infer<typeof ReflectionTarget>

export const SubmitReflectionInput = z.strictObject({
  target: ReflectionTarget,
  body: text('心得', REFLECTION_ESSAY_MAX).refine((s) => charCount(s) >= REFLECTION_ESSAY_MIN, `心得至少写 ${REFLECTION_ESSAY_MIN} 个字`),
  /** A retry of the same submission stores one. */
  requestKey: RequestKey,
})

export const ReflectionStatus = z.enum(['pending', 'approved', 'returned'])
export type ReflectionStatus = z.infer<typeof ReflectionStatus>

export const Reflection = z.object({
  _id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  groupId: z.string(),
  target: ReflectionTarget.extend({ title: z.string() }),
  body: z.string(),
  status: ReflectionStatus,
  comment: z.string().nullable(),
  featured: z.boolean(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
})
export type Reflection = z.infer<typeof Reflection>

export const ReviewReflectionInput = z
  .strictObject({
    id: id('心得编号'),
    decision: z.enum(['approve', 'return'], { error: '审阅结果应为通过或退回' }),
    comment: text('意见', REFLECTION_COMMENT_MAX).optional(),
    /** With 通过: show it to the group as 精选. */
    featured: z.boolean({ error: 'featured 应为是或否' }).optional(),
  })
  .refine((r) => r.decision === 'approve' || !!r.comment, { message: '退回时请写一句意见，告诉同志怎样改', path: ['comment'] })
  .refine((r) => r.decision === 'approve' || !r.featured, { message: '退回的心得不能设为精选', path: ['featured'] })

export const ListReflectionsInput = z.strictObject({
  /** mine: the caller's own; group: a group's, for its leader (approved and featured ones for its members). */
  scope: z.enum(['mine', 'group'], { error: '范围应为 mine 或 group' }),
  groupId: id('党小组编号').optional(),
  status: ReflectionStatus.optional(),
  cursor: Cursor.optional(),
})
export const ListReflectionsOutput = page(Reflection)

export const reflectionsContract = {
  submitReflection: { input: SubmitReflectionInput, output: Reflection },
  reviewReflection: { input: ReviewReflectionInput, output: Reflection },
  listReflections: { input: ListReflectionsInput, output: ListReflectionsOutput },
} as const
