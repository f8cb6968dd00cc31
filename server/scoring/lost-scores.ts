import type { Command, CloudDatabase, QueryCondition } from '../db/types'
import { existingIds } from '../db/documents'
import { BATCH_SIZE } from '../jobs/batched-job'
import type { Member } from '../members'
import { entryId, recordScore, SCORE_ENTRIES, type ScoreEvent } from './ledger'

/**
 * Records that score once (a check-in, an approved 学习心得, a meeting attended, a reply and its
 * featuring): the record is written, then its event recorded in the ledger under an id derived from
 * the record, so however often it is recorded it counts once. Nothing on the record says whether
 * it was scored. A call stopped between the two leaves a record without its entry: a repeat of the
 * call scores it, and so does the nightly reconciliation, which joins the records written since its
 * last finished run began with their entries (`scoreLostRecords`).
 */

type Scored = Pick<Member, '_id' | 'groupId' | 'branchId'>

export interface ScoringRecords<T> {
  collection: string
  /** The field naming the member the record scores for. */
  memberField: 'memberId' | 'authorId'
  /** The records that score and became so since `since`. */
  where(_: Command, since: Date): QueryCondition
  fields: (keyof T & string)[]
  eventOf(doc: T, member: Scored): ScoreEvent
}

/**
 * The records of a batch of members (sorted by id) that scored since `since` without their ledger
 * entry: scored now. Two queries per 1,000 such records (the records, then which entries exist);
 * answers the records it scored.
 */
export async function scoreLostRecords<T extends { _id: string }>(db: CloudDatabase, records: ScoringRecords<T>, members: Scored[], since: Date): Promise<T[]> {
  const _ = db.command
  const byId = new Map(members.map((m) => [m._id, m]))
  const field = records.memberField
  const scored: T[] = []
  let after: string | undefined
  for (;;) {
    const { data } = await db
      .collection(records.collection)
      .where(
        _.and([
          { [field]: _.gte(members[0]._id).and(_.lte(members[members.length - 1]._id)), ...(after ? { _id: _.gt(after) } : {}) },
          records.where(_, since),
        ]),
      )
      .orderBy('_id', 'asc')
      .field(Object.fromEntries(['_id', field, ...records.fields].map((f) => [f, true])))
      .limit(BATCH_SIZE)
      .get()
    const docs = data as (T & Record<string, string>)[]
    const events = docs.flatMap((doc) => {
      const member = byId.get(doc[field])
      return member ? [{ doc, event: records.eventOf(doc, member) }] : []
    })
    const found = await existingIds(
      db,
      SCORE_ENTRIES,
      events.map(({ event }) => entryId(event.kind, event.sourceId)),
    )
    for (const { doc, event } of events) {
      if (found.has(entryId(event.kind, event.sourceId))) continue
      await recordScore(db, event)
      scored.push(doc)
    }
    if (docs.length < BATCH_SIZE) return scored
    after = docs[docs.length - 1]._id
  }
}
