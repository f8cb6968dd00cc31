import { createHash, randomBytes } from 'node:crypto'

/** A new document id such as `member-3f9c2a1b04de`: readable in the console, unguessable enough. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`
}

/**
 * An id derived from what makes the record one (a caller's request key, an imported question's
 * stem): the same seed is the same id, so a retry or a re-import writes the same document.
 */
export function derivedId(prefix: string, seed: string): string {
  return `${prefix}-${createHash('sha256').update(seed).digest('hex').slice(0, 16)}`
}
