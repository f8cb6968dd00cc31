import type { DayKey } from '../../types'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'

export const PUSHES = 'pushes'

/**
 * What the daily push published on one Shanghai day, under the day itself as `_id`: the database's
 * unique id makes a second run of the same day find it instead of publishing again.
 */
export interface PushDoc {
  _id: DayKey
  day: DayKey
  articleIds: string[]
  /** `scheduled`: the day's scheduled articles; `queue`: the next queued one. */
  source: 'scheduled' | 'queue'
  createdAt: string
}

export const findPush = (db: CloudDatabase, day: DayKey) => findDoc<PushDoc>(db, PUSHES, day)
