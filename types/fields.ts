import { ID_MAX } from './constants'
import { normalizeText, textProblem } from './text'
import * as z from './zod'

/**
 * Text of 1..max characters (emoji count as one), with messages naming the field: normalised first
 * (format characters removed) and trimmed, so what is stored is what readers see.
 */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .overwrite(normalizeText)
    .trim()
    .check((ctx) => {
      const problem = textProblem(label, ctx.value, max)
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
    })

/** A document id given by the client. */
export const id = (label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .min(1, `缺少${label}`)
    .max(ID_MAX, `${label}过长`)

/** An opaque position in a paged list, from the previous page's `nextCursor`. */
export const Cursor = z.string({ error: '分页位置应为文字' }).max(300, '分页位置无效')

/** A page of a keyset-paged list. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })
