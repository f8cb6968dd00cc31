import { randomBytes } from 'node:crypto'

/** A new document id such as `member-3f9c2a1b04de`: readable in the console, unguessable enough. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`
}
