import type { TemplateKey } from '../../types'
import type { Member } from '../members'
import { membersWithGrant } from './grants'
import { messageKey, NOTIFICATIONS, notificationId, notifyAll, type NotifyPorts } from './notify'

export interface Announcement {
  templateKey: TemplateKey
  /** What it is about, once per member, e.g. `examNotice:<exam>`. */
  topic: string
  page: string
  data: Record<string, string>
}

/**
 * Tells each of `members` who asked for the template, at most once per key: an announcement
 * repeated (retried after a stop, or edited and saved again) tells only those not yet told, and
 * counts the others by what happened to them then. Answers the count of each outcome
 * (sent, deferred, noGrant…), 1,000 members a query.
 */
export async function announce(ports: NotifyPorts, members: Member[], a: Announcement): Promise<Record<string, number>> {
  const { db } = ports
  const asked = new Set(await membersWithGrant(db, a.templateKey))
  const notified: Record<string, number> = {}
  const count = (result: string) => (notified[result] = (notified[result] ?? 0) + 1)
  for (let i = 0; i < members.length; i += 1000) {
    const chunk = members.slice(i, i + 1000)
    const { data: told } = await db
      .collection(NOTIFICATIONS)
      .where({ _id: db.command.in(chunk.map((m) => notificationId(messageKey(a.topic, m._id)))) })
      .field({ _id: true, result: true })
      .limit(1000)
      .get()
    const earlier = new Map(told.map((n) => [String(n._id), String(n.result)]))
    const toTell: Member[] = []
    for (const m of chunk) {
      const before = earlier.get(notificationId(messageKey(a.topic, m._id)))
      if (before) count(before)
      else if (asked.has(m._id)) toTell.push(m)
      else count('noGrant')
    }
    const outcomes = await notifyAll(ports, { templateKey: a.templateKey, topic: a.topic, page: a.page, data: a.data }, toTell)
    for (const o of outcomes) count(o.result)
  }
  return notified
}
