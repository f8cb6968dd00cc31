import { readFileSync } from 'node:fs'
import type { ContentChecker } from './content-check'

/** Words that fail the local check unless configured otherwise; harmless test words. */
export const DEFAULT_BLOCKED_WORDS = ['违禁词', '测试违规']

type Env = Record<string, string | undefined>

/**
 * The blocked words of the local cloud: `CONTENT_BLOCKLIST` (words separated by commas, `、` or
 * new lines) or, when set, the file at `CONTENT_BLOCKLIST_FILE` (one word a line); else the defaults.
 */
export function blockedWordsFromEnv(env: Env = process.env): string[] {
  const file = env.CONTENT_BLOCKLIST_FILE?.trim()
  const raw = file ? readFileSync(file, 'utf8') : env.CONTENT_BLOCKLIST
  if (raw === undefined) return DEFAULT_BLOCKED_WORDS
  return raw
    .split(/[,，、\n]/)
    .map((w) => w.trim())
    .filter(Boolean)
}

/**
 * The local cloud's deterministic checker: a text containing any blocked word (letters compared in
 * lower case, spaces ignored, so「违 禁 词」is caught too) is risky.
 */
export function wordListChecker(words: readonly string[]): ContentChecker {
  const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, '')
  const blocked = words.map(normalise).filter(Boolean)
  return {
    async check({ text }) {
      const plain = normalise(text)
      return blocked.some((w) => plain.includes(w)) ? 'risky' : 'pass'
    },
  }
}
