import type { MemberSummary } from '../../../../types'

export interface Confirmation {
  title: string
  content: string
  /** The confirm button (≤ 4 characters). */
  action: string
}

/**
 * Asks the admin, then makes one change to the member; the page shows the updated member and what
 * was done (`done`), or why it failed. True when the change was made.
 */
export type Act = (ask: Confirmation, run: () => Promise<MemberSummary>, done: string) => Promise<boolean>
