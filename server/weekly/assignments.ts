import type { MyWeek } from '../../types'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'
import { readLedgers } from '../jobs/ledgers'
import { WEEKLY_ASSIGNMENTS, type AssignmentDoc, type WeeklyListDoc } from './docs'
import { discussedItems } from './discussed'
import { ledgerPaths, memberWeek } from './progress'

/** The list's publications matching `where` after `after`, by id, at most 1,000. */
export async function assignmentsAfter(db: CloudDatabase, listId: string, where: Record<string, unknown>, after: string | null): Promise<AssignmentDoc[]> {
  const condition: Record<string, unknown> = { listId, ...where }
  if (after) condition._id = db.command.gt(after)
  const { data } = await db.collection(WEEKLY_ASSIGNMENTS).where(condition).orderBy('_id', 'asc').limit(BATCH_SIZE).get()
  return data as AssignmentDoc[]
}

/** Each publication of the batch with its member's progress (the batch's ledgers and replies read at once). */
export async function progressOfBatch(db: CloudDatabase, list: WeeklyListDoc, batch: AssignmentDoc[]): Promise<{ assignment: AssignmentDoc; week: MyWeek }[]> {
  const ids = batch.map((a) => a.memberId)
  const [ledgers, discussed] = await Promise.all([readLedgers(db, ids, ledgerPaths(list)), discussedItems(db, list, ids)])
  return batch.map((assignment) => ({ assignment, week: memberWeek(list, ledgers.get(assignment.memberId), discussed.get(assignment.memberId)) }))
}

/** Every publication matching `where`, batch by batch, with progress. */
export async function forEachProgressBatch(
  db: CloudDatabase,
  list: WeeklyListDoc,
  where: Record<string, unknown>,
  visit: (rows: { assignment: AssignmentDoc; week: MyWeek }[]) => void,
): Promise<void> {
  let after: string | null = null
  for (;;) {
    const batch = await assignmentsAfter(db, list._id, where, after)
    if (batch.length > 0) visit(await progressOfBatch(db, list, batch))
    if (batch.length < BATCH_SIZE) return
    after = batch[batch.length - 1]._id
  }
}
