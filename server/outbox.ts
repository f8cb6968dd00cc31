import type { NotificationRecord, Publication } from '../types'
import type { Member } from './members'
import { OUTBOX_PAGE_SIZE } from '../types'
import { matching } from './db/documents'
import type { CloudDatabase, QueryCondition } from './db/types'
import { NOTIFICATIONS, type NotificationDoc } from './notify/notify'
import { PUBLICATIONS, type PublicationDoc } from './official-account/publication'
import { decodeCursor, pageOf } from './paging'
import { authorize, ORGANISATION } from './permissions'

const toPublication = ({ _id, day, title, articleIds, status, mediaId, publishId, error, attempts, createdAt, updatedAt }: PublicationDoc): Publication => ({
  kind: 'publication',
  _id,
  day,
  title,
  articleIds,
  status,
  mediaId,
  publishId,
  error,
  attempts,
  createdAt,
  updatedAt,
})

const toNotification = ({ updatedAt: _ignored, ...doc }: NotificationDoc): NotificationRecord => ({ kind: 'notification', ...doc })

/** The official-account editions or the notification sends, newest first: what went out, and how. */
export async function listOutbox(db: CloudDatabase, caller: Member, input: { kind: 'publication' | 'notification'; cursor?: string }) {
  authorize(caller, 'outbox.read', ORGANISATION)
  const _ = db.command
  const time = input.kind === 'publication' ? 'createdAt' : 'at'
  const conditions: QueryCondition[] = []
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2)
    conditions.push(_.or([{ [time]: _.lt(at) }, { [time]: at, _id: _.lt(id) }]))
  }
  const { data } = await matching(db, input.kind === 'publication' ? PUBLICATIONS : NOTIFICATIONS, conditions)
    .orderBy(time, 'desc')
    .orderBy('_id', 'desc')
    .limit(OUTBOX_PAGE_SIZE + 1)
    .get()
  return input.kind === 'publication'
    ? pageOf(data as PublicationDoc[], OUTBOX_PAGE_SIZE, (d) => [d.createdAt, d._id], toPublication)
    : pageOf(data as NotificationDoc[], OUTBOX_PAGE_SIZE, (d) => [d.at, d._id], toNotification)
}
