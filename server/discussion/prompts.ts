import type { z } from 'zod'
import type { DeliveryOutcome, Prompt, PromptLink, PromptStatus, PromptSummary, SetPromptStateInput, Unit } from '../../types'
import type { Member } from '../members'
import { PROMPTS_PAGE_SIZE } from '../../types'
import { dayKey } from '../../types/calendar'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { Messenger } from '../notify/messenger'
import { notifyAll } from '../notify/notify'
import { authorize, can, unitTarget, type Action, type Target } from '../permissions'
import { requireCleanText, type ContentChecker } from '../security/content-check'
import { takePostingSlot } from '../security/rate-limit'
import { requireGroup } from '../units'
import { groupMembersByName, postIdFor, PROMPTS, rankedPage, rankOf, REPLIES, timeId, type PromptDoc } from './docs'
import { shownName } from '../../types/people'
import { excerptOf } from '../../types/text'

/** What writing functions need besides the database. */
export interface WritePorts {
  db: CloudDatabase
  now: Date
  contentCheck: ContentChecker
  messenger: Messenger
}

/** The page a discussion message opens. */
export const promptPage = (id: string) => `packageGroup/pages/prompt/index?id=${encodeURIComponent(id)}`

export const promptTarget = (p: Pick<PromptDoc, 'groupId' | 'branchId'>): Target => ({ groupId: p.groupId, branchId: p.branchId })

/**
 * A prompt the caller may `action`: NOT_FOUND when there is none, FORBIDDEN when it belongs to a
 * group out of reach (whoever guesses an id learns nothing more).
 */
export async function requirePrompt(db: CloudDatabase, caller: Member, id: string, action: Action): Promise<PromptDoc> {
  const prompt = await findDoc<PromptDoc>(db, PROMPTS, id)
  if (!prompt) throw new AppError('NOT_FOUND', '没有找到这个讨论题')
  authorize(caller, action, promptTarget(prompt))
  return prompt
}

/** `open` until its closing day has passed, whatever is stored. */
export function effectiveStatus(p: Pick<PromptDoc, 'status' | 'closesOn'>, now: Date): PromptStatus {
  return p.status === 'open' && p.closesOn !== null && dayKey(now) > p.closesOn ? 'closed' : p.status
}

/** How many replies a prompt has (deleted and hidden ones too) and who wrote them: they took part. */
export interface Participation {
  replies: number
  authors: Set<string>
}

const NO_PARTICIPATION: Participation = { replies: 0, authors: new Set() }

/**
 * Participation counted from the replies themselves, 100 prompts a round, so a reply whose post
 * stopped half-way can never leave a count wrong.
 */
async function participationOf(db: CloudDatabase, promptIds: string[]): Promise<Map<string, Participation>> {
  const _ = db.command
  const out = new Map<string, Participation>()
  for (let i = 0; i < promptIds.length; i += 100) {
    const ids = promptIds.slice(i, i + 100)
    const { list } = await db
      .collection(REPLIES)
      .aggregate()
      .match({ promptId: _.in(ids) })
      .group({ _id: '$promptId', n: _.aggregate.sum(1), authors: _.aggregate.addToSet('$authorId') })
      .limit(ids.length)
      .end<{ _id: string; n: number; authors: string[] }>()
    for (const row of list) out.set(row._id, { replies: row.n, authors: new Set(row.authors) })
  }
  return out
}

function toSummary(p: PromptDoc, took: Participation, active: Set<string>, now: Date): PromptSummary {
  return {
    _id: p._id,
    groupId: p.groupId,
    title: p.title,
    excerpt: excerptOf(p.body),
    status: effectiveStatus(p, now),
    pinned: p.pinned,
    closesOn: p.closesOn,
    authorName: p.authorName,
    createdAt: new Date(p.createdAt).toISOString(),
    replyCount: took.replies,
    participantCount: [...took.authors].filter((id) => active.has(id)).length,
  }
}

/**
 * The prompts of a group, for a caller allowed to read them: summaries with participation, counted
 * among `members` (the group's active members, as the caller already read them).
 */
export async function summariesOf(db: CloudDatabase, members: readonly Pick<Member, '_id'>[], prompts: PromptDoc[], now: Date): Promise<PromptSummary[]> {
  const participation = await participationOf(
    db,
    prompts.map((p) => p._id),
  )
  const active = new Set(members.map((m) => m._id))
  return prompts.map((p) => toSummary(p, participation.get(p._id) ?? NO_PARTICIPATION, active, now))
}

export async function promptView(db: CloudDatabase, caller: Member, p: PromptDoc, now: Date, counted?: Participation): Promise<Prompt> {
  const [members, participation] = await Promise.all([groupMembersByName(db, p.groupId), counted ?? participationOf(db, [p._id]).then((m) => m.get(p._id))])
  const took = participation ?? NO_PARTICIPATION
  const status = effectiveStatus(p, now)
  return {
    ...toSummary(p, took, new Set(members.map((m) => m._id)), now),
    body: p.body,
    link: p.link,
    editedAt: p.editedAt ? new Date(p.editedAt).toISOString() : null,
    notYet: members.filter((m) => !took.authors.has(m._id)).map((m) => ({ _id: m._id, name: shownName(m) })),
    memberCount: members.length,
    canReply: status === 'open' && can(caller, 'discussion.write', promptTarget(p)),
    canModerate: can(caller, 'discussion.moderate', promptTarget(p)),
  }
}

/** 讨论题 of a group (the caller's own by default): pinned first, then newest first, a page at a time. */
export async function listPrompts(db: CloudDatabase, caller: Member, now: Date, input: { groupId?: string; archived?: boolean; cursor?: string }) {
  const group = await requireGroup(db, input.groupId ?? caller.groupId)
  authorize(caller, 'discussion.read', unitTarget(group))
  return promptsOf(db, now, group, await groupMembersByName(db, group._id), input)
}

/** A page of a group's prompts, for a caller allowed to read them, with the group's active members read already. */
export async function promptsOf(
  db: CloudDatabase,
  now: Date,
  group: Pick<Unit, '_id'>,
  members: readonly Pick<Member, '_id'>[],
  input: { archived?: boolean; cursor?: string },
) {
  const status = input.archived ? 'archived' : db.command.in(['open', 'closed'])
  const page = await rankedPage<PromptDoc>(db, PROMPTS, { groupId: group._id, status }, PROMPTS_PAGE_SIZE, input.cursor)
  return { items: await summariesOf(db, members, page.items, now), nextCursor: page.nextCursor }
}

export async function getPrompt(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<Prompt> {
  return promptView(db, caller, await requirePrompt(db, caller, id, 'discussion.read'), now)
}

interface PromptFields {
  title: string
  body: string
  link?: PromptLink | null
  closesOn?: string | null
}

async function checkPromptText(ports: WritePorts, caller: Member, fields: PromptFields): Promise<void> {
  if (fields.closesOn && fields.closesOn < dayKey(ports.now)) throw new AppError('INVALID_INPUT', '截止日期不能早于今天')
  await requireCleanText(ports.contentCheck, caller.openid, 'forum', [fields.title, fields.body, fields.link?.title])
}

/** Posts a new prompt to a group the caller leads (or administers) and tells its members. */
export async function postPrompt(
  ports: WritePorts,
  caller: Member,
  input: PromptFields & { groupId?: string; requestKey?: string },
): Promise<Prompt & { announced: DeliveryOutcome[] }> {
  const { db, now } = ports
  const group = await requireGroup(db, input.groupId ?? caller.groupId)
  authorize(caller, 'discussion.moderate', unitTarget(group))
  if (group.archived) throw new AppError('CONFLICT', `「${group.name}」已归档，不能再发布讨论题`)
  const { id: _id, retry } = await postIdFor(db, caller._id, input.requestKey, timeId('prompt', now), now)
  const stored = retry ? await findDoc<PromptDoc>(db, PROMPTS, _id) : undefined
  if (stored) {
    // The first attempt may have stopped before telling everyone: notification keys repeat nothing,
    // and answer what became of each.
    const announced = await announcePrompt(ports, caller, stored)
    return { ...(await promptView(db, caller, stored, now)), announced }
  }
  await checkPromptText(ports, caller, input)
  await takePostingSlot(db, caller._id, now, _id)
  const doc: PromptDoc = {
    _id,
    groupId: group._id,
    branchId: group.parentId ?? '',
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    closesOn: input.closesOn ?? null,
    pinned: false,
    status: 'open',
    rank: rankOf(false, _id),
    authorId: caller._id,
    authorName: shownName(caller),
    createdAt: now,
    editedAt: null,
  }
  // Announced by the attempt that stored the prompt; a concurrent one only reads the outcomes.
  await addOnce(db, PROMPTS, doc)
  const announced = await announcePrompt(ports, caller, doc)
  return { ...(await promptView(db, caller, doc, now)), announced }
}

/**
 * 新讨论题: one message per member of the group (not the author), under a key per prompt and
 * member, so announcing again sends nothing more; answers what became of each member's.
 */
async function announcePrompt(ports: WritePorts, author: Member, prompt: PromptDoc): Promise<DeliveryOutcome[]> {
  const members = (await groupMembersByName(ports.db, prompt.groupId)).filter((m) => m._id !== author._id)
  const data = { title: prompt.title, date: dayKey(ports.now), note: `${prompt.authorName}发布了新的讨论题` }
  const outcomes = await notifyAll(ports, { templateKey: 'groupPrompt', topic: `groupPrompt:${prompt._id}`, page: promptPage(prompt._id), data }, members)
  return members.map((member, i) => ({ _id: member._id, name: shownName(member), result: outcomes[i].result }))
}

/** Edits a prompt's text, link or closing day; the prompt is marked 已编辑. */
export async function editPrompt(ports: WritePorts, caller: Member, id: string, input: PromptFields): Promise<Prompt> {
  const { db, now } = ports
  const prompt = await requirePrompt(db, caller, id, 'discussion.moderate')
  await checkPromptText(ports, caller, input)
  const changes = {
    title: input.title,
    body: input.body,
    ...(input.link !== undefined ? { link: input.link } : {}),
    ...(input.closesOn !== undefined ? { closesOn: input.closesOn } : {}),
    editedAt: now,
  }
  await db.collection(PROMPTS).doc(id).update({ data: changes })
  return promptView(db, caller, { ...prompt, ...changes }, now)
}

/** Pins or unpins, closes, reopens or archives a prompt. */
export async function setPromptState(db: CloudDatabase, caller: Member, now: Date, input: z.output<typeof SetPromptStateInput>): Promise<Prompt> {
  const prompt = await requirePrompt(db, caller, input.id, 'discussion.moderate')
  const pinned = input.pinned ?? prompt.pinned
  // Reopening a prompt whose closing day has passed opens it with no closing day.
  const reopened = input.status === 'open' && prompt.closesOn !== null && prompt.closesOn < dayKey(now)
  const changes = {
    pinned,
    rank: rankOf(pinned, prompt._id),
    status: input.status ?? prompt.status,
    ...(reopened ? { closesOn: null } : {}),
  }
  await db.collection(PROMPTS).doc(prompt._id).update({ data: changes })
  return promptView(db, caller, { ...prompt, ...changes }, now)
}
