import * as z from 'zod'

/** Characters as people count them: an emoji or a CJK character is one. */
export const charCount = (s: string) => Array.from(s).length

/** At most `max` characters, the last one an ellipsis when cut. */
export function clipText(value: string, max: number): string {
  const chars = Array.from(value)
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`
}

/** Trimmed text of 1..max characters (emoji count as one), with messages naming the field. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .refine((s) => charCount(s) >= 1, `${label}不能为空`)
    .refine((s) => charCount(s) <= max, `${label}最多 ${max} 个字`)

/** A document id given by the client. */
export const id = (label: string) => z.string({ error: `${label}应为文字` }).min(1, `缺少${label}`).max(64, `${label}过长`)

/** An opaque position in a paged list, from the previous page's `nextCursor`. */
export const Cursor = z.string({ error: '分页位置应为文字' }).max(300, '分页位置无效')

/** A page of a keyset-paged list. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })
