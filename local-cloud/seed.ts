import { addDays, dayKey, startOfDay } from '../server/calendar'
import type { CloudDatabase } from '../server/db/types'
import { INVITATIONS, type InvitationDoc } from '../server/invitations'
import { MEMBERS } from '../server/members'
import { OPENIDS } from '../server/registration'
import { UNITS } from '../server/units'
import { articles } from './seed/articles'
import { INVITER_ID, invitations, members, units } from './seed/organisation'

export interface SeedReport {
  seeded: boolean
  units: number
  members: number
  invitations: number
  articles: number
}

/**
 * Writes the demo organisation, its members, invitation codes and a few articles when the store has
 * no units yet. Every document has a fixed id, so seeding is idempotent; articles are dated on the
 * last few Shanghai days before `now`, and codes stay valid for a year from it.
 */
export async function seedIfEmpty(db: CloudDatabase, now: Date): Promise<SeedReport> {
  const { total } = await db.collection(UNITS).count()
  if (total > 0) return { seeded: false, units: 0, members: 0, invitations: 0, articles: 0 }

  const today = dayKey(now)
  const put = (collection: string, { _id, ...data }: { _id: string } & Record<string, unknown>) =>
    db.collection(collection).doc(_id).set({ data })

  for (const { daysAgo, ...article } of articles) {
    await put('articles', { ...article, publishedOn: addDays(today, -daysAgo) })
  }
  for (const member of members) {
    await put(MEMBERS, { ...member })
    // The OPENID guard registration relies on, as if these members had registered.
    if (member.openid) await put(OPENIDS, { _id: member.openid, memberId: member._id, at: now })
  }
  for (const { code, groupId, maxUses, validDays, revoked } of invitations) {
    const doc: InvitationDoc = {
      _id: code,
      groupId,
      branchId: units.find((u) => u._id === groupId)?.parentId ?? '',
      maxUses,
      uses: 0,
      expiresAt: startOfDay(addDays(today, validDays + 1)),
      revoked,
      createdBy: INVITER_ID,
      createdAt: now,
    }
    await put(INVITATIONS, { ...doc })
  }
  // Units last: they mark a finished seed, so an interrupted one is redone on the next start.
  for (const unit of units) await put(UNITS, { ...unit, createdAt: now })
  return { seeded: true, units: units.length, members: members.length, invitations: invitations.length, articles: articles.length }
}
