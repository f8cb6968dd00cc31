import type { z } from 'zod'
import { LEADERBOARD_SIZE, type GetLeaderboardInput, type GetLeaderboardOutput, type LeaderboardRow } from '../../types'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { MEMBERS, type Member } from '../members'
import { shownName } from '../../types/people'
import { authorize, memberTarget } from '../permissions'
import { SCORE_TOTALS, type TotalsDoc } from './ledger'
import { aboveIn, membersInScope, metricPath, periodKey, rankedIn, rankOf, type Board } from './read'
import { activeMembersOf } from '../units'

type Input = z.output<typeof GetLeaderboardInput>

const valueAt = (doc: Partial<TotalsDoc> | undefined, path: string): number => {
  let v: unknown = doc
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
  return typeof v === 'number' ? v : 0
}

/**
 * 排行榜: the top of the caller's group, branch or the organisation for this week, quarter or year,
 * by points or study time, and the caller's own row whether or not it made the top.
 */
export async function leaderboard(db: CloudDatabase, caller: Member, now: Date, input: Input): Promise<GetLeaderboardOutput> {
  authorize(caller, 'leaderboard.read', memberTarget(caller))
  const board = { period: input.period, key: periodKey(input.period, now), metric: input.metric }
  const { where, sortBy } = aboveIn(db.command, board, 0)
  const { data } = await db
    .collection(SCORE_TOTALS)
    .where({ ...rankedIn(caller, input.scope), ...where })
    .orderBy(sortBy, 'desc')
    .orderBy('_id', 'asc')
    .limit(LEADERBOARD_SIZE)
    .field({ _id: true, [sortBy]: true })
    .get()
  const docs = data as TotalsDoc[]
  // Equal values share the rank of the first of them.
  const top: LeaderboardRow[] = []
  docs.forEach((doc, i) => {
    const value = valueAt(doc, sortBy)
    const rank = i > 0 && top[i - 1].value === value ? top[i - 1].rank : i + 1
    top.push({ memberId: doc._id, name: '', rank, value })
  })
  // The caller on the board (the usual case in a group) has their rank and value there.
  const onBoard = top.find((row) => row.memberId === caller._id)
  const [mine, { of, names }] = await Promise.all([
    onBoard ?? standingOf(db, caller, input.scope, board),
    namesAndCount(
      db,
      caller,
      input.scope,
      docs.map((d) => d._id),
    ),
  ])
  for (const row of top) row.name = names.get(row.memberId) ?? ''
  return {
    scope: input.scope,
    period: input.period,
    metric: input.metric,
    periodKey: board.key,
    top,
    me: { memberId: caller._id, name: shownName(caller), rank: mine.rank, value: mine.value },
    of,
  }
}

/** The caller's rank and value on a board they are not at the top of. */
async function standingOf(db: CloudDatabase, caller: Member, scope: Input['scope'], board: Board): Promise<{ rank: number; value: number }> {
  const path = metricPath(board.period, board.key, board.metric)
  const value = valueAt(await findDoc<TotalsDoc>(db, SCORE_TOTALS, caller._id, [path]), path)
  return { rank: await rankOf(db, caller, scope, board, value), value }
}

/** The names of the members on the board, and how many active members the scope has: for a group, one read of its members. */
async function namesAndCount(db: CloudDatabase, caller: Member, scope: Input['scope'], ids: string[]): Promise<{ of: number; names: Map<string, string> }> {
  if (scope !== 'group') {
    const [of, names] = await Promise.all([membersInScope(db, caller, scope), namesOf(db, ids)])
    return { of, names }
  }
  const members = await activeMembersOf(db, { unitId: caller.groupId, unitKind: 'group' })
  const names = new Map(members.map((m) => [m._id, shownName(m)]))
  // On the board but no longer in the group (moved since the totals were last written).
  for (const [id, name] of await namesOf(
    db,
    ids.filter((id) => !names.has(id)),
  ))
    names.set(id, name)
  return { of: members.length, names }
}

async function namesOf(db: CloudDatabase, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { data } = await db
    .collection(MEMBERS)
    .where({ _id: db.command.in(ids) })
    .field({ _id: true, name: true, displayName: true })
    .limit(ids.length)
    .get()
  return new Map((data as Member[]).map((m) => [m._id, shownName(m)]))
}
