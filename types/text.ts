/**
 * Text as people see it, for both sides: how it is counted, cut and cleaned before anything is
 * checked or stored.
 */

/** Characters as people count them: an emoji or a CJK character is one. */
export const charCount = (s: string): number => Array.from(s).length

/** At most `max` characters, the last one an ellipsis when cut. */
export function clipText(value: string, max: number): string {
  const chars = Array.from(value)
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`
}

/** A text's opening on one line: lists show it, the audit log names a reply by it. */
export function excerptOf(body: string, chars = 60): string {
  const all = Array.from(body.replace(/\s+/g, ' '))
  return all.length <= chars ? all.join('') : `${all.slice(0, chars).join('')}…`
}

/**
 * Format characters (zero-width spaces and joiners, bidirectional marks, the BOM, soft hyphens…):
 * invisible to a reader, they would let「违\u200b禁词」slip past a word list.
 */
const FORMAT_CHARACTERS = /[\p{Cf}\u180e]/gu

/**
 * The text a reader will see, as one canonical string: composed (NFC) with format characters
 * removed. Every text is stored in this form. NFKC would also fold Chinese punctuation（，。！）into
 * ASCII and change what members wrote, so it is kept for `foldedForCheck`.
 */
export const normalizeText = (s: string): string => s.normalize('NFC').replace(FORMAT_CHARACTERS, '')

/**
 * What a content check reads: the stored text with compatibility forms folded (NFKC: full-width
 * letters to plain ones, ligatures apart), so「ＡＢＣ」and「ABC」are checked alike.
 */
export const foldedForCheck = (s: string): string => normalizeText(s).normalize('NFKC')

/**
 * What is wrong with a text field as typed (normalised and trimmed as the server takes it), in the
 * words the server uses too, or null: both sides check a text field by this one rule.
 */
export function textProblem(label: string, value: string, max: number): string | null {
  const n = charCount(normalizeText(value).trim())
  if (n === 0) return `${label}不能为空`
  return n > max ? `${label}最多 ${max} 个字` : null
}
