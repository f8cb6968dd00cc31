import { findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'

/** How far each batch job got: `jobs/<job id>`. */
export const JOBS = 'jobs'

/** The cloud database answers at most 1,000 records per query from a cloud function. */
export const BATCH_SIZE = 1000

export interface JobDoc {
  _id: string
  /** The `_id` of the last record handled; null before the first batch. */
  cursor: string | null
  startedAt: string
  finishedAt: string | null
}

export interface BatchedJob<T extends { _id: string }> {
  /** The next records after `after` (by `_id`, ascending), at most BATCH_SIZE. */
  next(after: string | null): Promise<T[]>
  /**
   * Handles one batch; must be safe to repeat (a batch interrupted half-way is handled again).
   * `'retryLater'`: part of it is still held by another run (a message claimed, not yet handed
   * over): the job stops before this batch, unfinished, and a later run takes it up again.
   */
  handle(batch: T[]): Promise<void | 'retryLater'>
}

export interface JobOutcome {
  /** Whether this run found the job already finished. */
  alreadyDone: boolean
  /** Where this run resumed (null: from the start). */
  resumedFrom: string | null
  batches: number
  /** Stopped at a batch another run still holds (`retryLater`): not finished. */
  unfinished: boolean
}

async function claim(db: CloudDatabase, jobId: string, now: Date): Promise<JobDoc> {
  const fresh: JobDoc = { _id: jobId, cursor: null, startedAt: now.toISOString(), finishedAt: null }
  try {
    await db.collection(JOBS).add({ data: fresh })
    return fresh
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    return (await findDoc<JobDoc>(db, JOBS, jobId)) ?? fresh
  }
}

/**
 * Runs a job over records in `_id` order, one batch at a time, recording after each batch the last
 * record handled. A run that stops (timeout, crash) is resumed by the next one from the recorded
 * cursor; the batch it was in the middle of is handled again, so `handle` must be idempotent.
 */
export async function runBatchedJob<T extends { _id: string }>(db: CloudDatabase, jobId: string, now: Date, job: BatchedJob<T>): Promise<JobOutcome> {
  const state = await claim(db, jobId, now)
  if (state.finishedAt) return { alreadyDone: true, resumedFrom: state.cursor, batches: 0, unfinished: false }
  const resumedFrom = state.cursor
  let cursor = state.cursor
  let batches = 0
  for (;;) {
    const batch = await job.next(cursor)
    if (batch.length > 0) {
      if ((await job.handle(batch)) === 'retryLater') return { alreadyDone: false, resumedFrom, batches, unfinished: true }
      cursor = batch[batch.length - 1]._id
      batches += 1
    }
    const finished = batch.length < BATCH_SIZE
    await db
      .collection(JOBS)
      .doc(jobId)
      .update({ data: { cursor, ...(finished ? { finishedAt: now.toISOString() } : {}) } })
    if (finished) return { alreadyDone: false, resumedFrom, batches, unfinished: false }
  }
}

export async function jobFinished(db: CloudDatabase, jobId: string): Promise<boolean> {
  return !!(await findDoc<JobDoc>(db, JOBS, jobId))?.finishedAt
}

/** Runs `run` over `items`, `width` at a time: many reads or sends at once, but not all at once. */
export async function inParallel<T, R>(items: T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(run))))
  return results
}
