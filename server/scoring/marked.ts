import type { CloudDatabase } from '../db/types'
import type { Member } from '../members'
import { recordScore, type ScoreEvent } from './ledger'

/**
 * Records that score once in two steps: the record is written (or updated) marked `scorePending`,
 * its event recorded in the ledger (keyed by the record: once), then the mark removed. A call
 * stopped in between leaves the mark; a repeat of the call or the nightly reconciliation
 * (`scoreLostMarked`) finishes it.
 */
export async function scoreMarked(db: CloudDatabase, collection: string, recordId: string, event: ScoreEvent): Promise<void> {
  await recordScore(db, event)
  await db
    .collection(collection)
    .doc(recordId)
    .update({ data: { scorePending: db.command.remove() } })
}

type Scored = Pick<Member, '_id' | 'groupId' | 'branchId'>

/**
 * The records of a batch of members (sorted by id) still marked, each scored with the event
 * `eventOf` gives. One query per 1,000 of them; there are none unless a call stopped.
 */
export async function scoreLostMarked<T extends { _id: string; memberId: string }>(
  db: CloudDatabase,
  collection: string,
  members: Scored[],
  fields: (keyof T & string)[],
  eventOf: (doc: T, member: Scored) => ScoreEvent,
): Promise<void> {
  const _ = db.command
  const byId = new Map(members.map((m) => [m._id, m]))
  for (;;) {
    const { data } = await db
      .collection(collection)
      .where({ memberId: _.gte(members[0]._id).and(_.lte(members[members.length - 1]._id)), scorePending: _.exists(true) })
      .field(Object.fromEntries(['_id', 'memberId', ...fields].map((f) => [f, true])))
      .limit(1000)
      .get()
    const docs = data as T[]
    for (const doc of docs) {
      const member = byId.get(doc.memberId)
      if (member) await scoreMarked(db, collection, doc._id, eventOf(doc, member))
    }
    // A page left as it was (its members gone from the batch) would come back: stop there.
    if (docs.length < 1000 || !docs.some((d) => byId.has(d.memberId))) return
  }
}
