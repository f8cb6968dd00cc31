import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { ActionOutput, Meeting, MeetingState, SaveMeetingInput, Unit } from '../../types'
import { MEETING_KIND_NAMES, MEETINGS_PAGE_SIZE } from '../../types/meeting-rules'
import { beijingMinute } from '../../types/calendar'
import { recordAudit } from '../audit'
import { ARTICLES, BOOKS } from '../content/docs'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { derivedId, newId } from '../ids'
import type { Member } from '../members'
import { mySubscriptions } from '../notify/grants'
import type { Messenger } from '../notify/messenger'
import { announce } from '../notify/tell'
import { cursorDate, decodeCursor, pageOf } from '../paging'
import { authorize, can, memberTarget, reachOf, unitTarget } from '../permissions'
import { requireCleanText, type ContentChecker } from '../security/content-check'
import { activeMembersOf, inUnit, requireUnit } from '../units'
import { attendanceOf, MEETING_ATTENDANCE, myAttendance, type AttendanceDoc } from './attendance-docs'

/**
 * 组织生活 (`meetings`): a meeting of a unit — the organisation, a 党支部 or a 党小组 — scheduled by
 * those who manage the unit (`meetings.manage`), attended by its active members. Its `secret`
 * signs the rotating sign-in codes (codes.ts) and never leaves the server.
 */
export const MEETINGS = 'meetings'

export interface MeetingDoc {
  _id: string
  unitId: string
  unitKind: Unit['kind']
  unitName: string
  /** The branch of a branch's or a group's meeting (for reach); null for the organisation's. */
  branchId: string | null
  kind: Meeting['kind']
  title: string
  startsAt: Date
  endsAt: Date
  place: string
  agenda: string
  items: Meeting['items']
  status: 'scheduled' | 'cancelled'
  minutes: string | null
  secret: string
  createdBy: string
  createdByName: string
  createdAt: Date
  updatedAt: Date
}

/** The meeting's page in the mini-program, which the 会议通知 opens. */
export const meetingPage = (id: string) => `/packageMeeting/pages/meeting/index?id=${id}`

const iso = (d: Date | string) => new Date(d).toISOString()
const ms = (d: Date | string) => new Date(d).getTime()

export const targetOf = (doc: Pick<MeetingDoc, 'unitId' | 'unitKind' | 'branchId'>) =>
  unitTarget({ _id: doc.unitId, kind: doc.unitKind, parentId: doc.unitKind === 'group' ? doc.branchId : null })

export function stateOf(doc: Pick<MeetingDoc, 'status' | 'startsAt' | 'endsAt'>, now: Date): MeetingState {
  if (doc.status === 'cancelled') return 'cancelled'
  if (now.getTime() < ms(doc.startsAt)) return 'upcoming'
  return now.getTime() < ms(doc.endsAt) ? 'ongoing' : 'ended'
}

export const manages = (caller: Member, doc: MeetingDoc) => can(caller, 'meetings.manage', targetOf(doc))

export function toMeeting(doc: MeetingDoc, caller: Member, now: Date, own: AttendanceDoc | undefined): Meeting {
  const attends = inUnit(doc, caller)
  return {
    _id: doc._id,
    unitId: doc.unitId,
    unitKind: doc.unitKind,
    unitName: doc.unitName,
    kind: doc.kind,
    title: doc.title,
    startsAt: iso(doc.startsAt),
    endsAt: iso(doc.endsAt),
    place: doc.place,
    agenda: doc.agenda,
    items: doc.items,
    state: stateOf(doc, now),
    minutes: doc.minutes,
    createdByName: doc.createdByName,
    attends,
    manages: manages(caller, doc),
    mine: attends ? myAttendance(own) : null,
  }
}

export async function requireMeeting(db: CloudDatabase, id: string): Promise<MeetingDoc> {
  const doc = await findDoc<MeetingDoc>(db, MEETINGS, id)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这次会议')
  return doc
}

/** The meeting for one of its members or those who run it. */
export async function visibleMeeting(db: CloudDatabase, caller: Member, id: string): Promise<MeetingDoc> {
  const doc = await requireMeeting(db, id)
  if (!inUnit(doc, caller) && !manages(caller, doc)) throw new AppError('FORBIDDEN', `你没有权限查看这次会议：这是「${doc.unitName}」的会议`)
  return doc
}

export function requireManaged(caller: Member, doc: MeetingDoc): void {
  authorize(caller, 'meetings.manage', targetOf(doc))
}

/** The linked articles and books, by title: each must be published. */
async function itemTitles(db: CloudDatabase, items: { kind: 'article' | 'book'; id: string }[]): Promise<Meeting['items']> {
  const titles = new Map<string, string>()
  for (const [kind, collection] of [
    ['article', ARTICLES],
    ['book', BOOKS],
  ] as const) {
    const ids = items.filter((i) => i.kind === kind).map((i) => i.id)
    if (ids.length === 0) continue
    const { data } = await db
      .collection(collection)
      .where({ _id: db.command.in(ids), status: 'published' })
      .field({ _id: true, title: true })
      .limit(1000)
      .get()
    for (const d of data) titles.set(`${kind}:${String(d._id)}`, String(d.title))
  }
  return items.map((i) => {
    const title = titles.get(`${i.kind}:${i.id}`)
    if (title === undefined) throw new AppError('NOT_FOUND', i.kind === 'book' ? '关联的书目不存在或未发布' : '关联的文章不存在或未发布')
    return { ...i, title }
  })
}

type SaveInput = z.output<typeof SaveMeetingInput>
interface Ports {
  db: CloudDatabase
  messenger: Messenger
  contentCheck: ContentChecker
  now: Date
}

/**
 * Schedules a meeting (a retry with the same request key adds nothing more) or changes one that
 * has not started, then tells the unit's members who asked for 会议通知: each once per meeting
 * and start time, so a meeting moved to another time is told again and any other edit is not.
 */
export async function saveMeeting(ports: Ports, caller: Member, input: SaveInput): Promise<ActionOutput<'saveMeeting'>> {
  const { db, now } = ports
  const unit = await requireUnit(db, input.unitId)
  authorize(caller, 'meetings.manage', unitTarget(unit))
  if (unit.archived) throw new AppError('CONFLICT', `「${unit.name}」已归档，不能再安排会议`)
  if (unit.kind !== 'group' && input.kind === 'groupMeeting') throw new AppError('INVALID_INPUT', '党小组会只能安排给党小组')
  await requireCleanText(ports.contentCheck, caller.openid, 'forum', [input.title, input.place, input.agenda])
  const items = await itemTitles(db, input.items)
  const fields = {
    kind: input.kind,
    title: input.title,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    place: input.place,
    agenda: input.agenda,
    items,
    updatedAt: now,
  }
  let doc: MeetingDoc
  if (input.id) {
    const stored = await requireMeeting(db, input.id)
    requireManaged(caller, stored)
    if (stored.unitId !== unit._id) throw new AppError('CONFLICT', '会议的单位不能更改，请取消后重新安排')
    if (stateOf(stored, now) !== 'upcoming') throw new AppError('CONFLICT', stored.status === 'cancelled' ? '会议已取消' : '会议已开始，不能再修改')
    const { stats } = await db
      .collection(MEETINGS)
      .where({ _id: stored._id, status: 'scheduled', startsAt: db.command.gt(now) })
      .update({ data: fields })
    if (stats.updated === 0) throw new AppError('CONFLICT', '会议刚被取消或已开始，请刷新')
    doc = { ...stored, ...fields }
    await recordAudit(db, caller, now, {
      action: 'meeting.update',
      targetType: 'meeting',
      targetId: doc._id,
      targetName: doc.title,
      before: { startsAt: iso(stored.startsAt), place: stored.place },
      after: { startsAt: input.startsAt, place: input.place },
      unitIds: [unit._id],
    })
  } else {
    const _id = input.requestKey ? derivedId('meeting', `${caller._id}/${input.requestKey}`) : newId('meeting')
    doc = {
      _id,
      unitId: unit._id,
      unitKind: unit.kind,
      unitName: unit.name,
      branchId: unit.kind === 'group' ? unit.parentId : unit.kind === 'branch' ? unit._id : null,
      ...fields,
      status: 'scheduled',
      minutes: null,
      secret: randomBytes(32).toString('hex'),
      createdBy: caller._id,
      createdByName: caller.name,
      createdAt: now,
    }
    if (await addOnce(db, MEETINGS, doc)) {
      await recordAudit(db, caller, now, {
        action: 'meeting.create',
        targetType: 'meeting',
        targetId: _id,
        targetName: doc.title,
        before: null,
        after: { kind: doc.kind, startsAt: input.startsAt, place: doc.place },
        unitIds: [unit._id],
      })
    } else doc = await requireMeeting(db, _id)
  }
  const members = await activeMembersOf(db, doc)
  const notified =
    doc.status === 'scheduled' && ms(doc.endsAt) > now.getTime()
      ? await announce(ports, members, {
          templateKey: 'meetingNotice',
          topic: `meetingNotice:${doc._id}:${iso(doc.startsAt)}`,
          page: meetingPage(doc._id),
          data: { title: `${MEETING_KIND_NAMES[doc.kind]}：${doc.title}`, date: beijingMinute(doc.startsAt), note: doc.place },
        })
      : {}
  return { meeting: toMeeting(doc, caller, now, undefined), audience: members.length, notified }
}

/** 取消 a meeting that has not ended; its attendance stays as it was (a cancelled meeting counts nowhere). */
export async function cancelMeeting(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<Meeting> {
  const doc = await requireMeeting(db, id)
  requireManaged(caller, doc)
  if (doc.status === 'cancelled') return toMeeting(doc, caller, now, undefined)
  if (stateOf(doc, now) === 'ended') throw new AppError('CONFLICT', '会议已结束，不能再取消')
  const { stats } = await db
    .collection(MEETINGS)
    .where({ _id: id, status: 'scheduled' })
    .update({ data: { status: 'cancelled', updatedAt: now } })
  if (stats.updated === 1) {
    await recordAudit(db, caller, now, {
      action: 'meeting.cancel',
      targetType: 'meeting',
      targetId: id,
      targetName: doc.title,
      before: { status: 'scheduled' },
      after: { status: 'cancelled' },
      unitIds: [doc.unitId],
    })
  }
  return toMeeting({ ...doc, status: 'cancelled' }, caller, now, undefined)
}

/** 会议记录: written (or corrected) by those who run the meeting once it has started; content-checked. */
export async function saveMinutes(ports: Omit<Ports, 'messenger'>, caller: Member, input: { meetingId: string; minutes: string }): Promise<Meeting> {
  const { db, now } = ports
  const doc = await requireMeeting(db, input.meetingId)
  requireManaged(caller, doc)
  const state = stateOf(doc, now)
  if (state === 'cancelled') throw new AppError('CONFLICT', '会议已取消')
  if (state === 'upcoming') throw new AppError('CONFLICT', '会议开始后才能写会议记录')
  await requireCleanText(ports.contentCheck, caller.openid, 'forum', [input.minutes])
  await db
    .collection(MEETINGS)
    .doc(doc._id)
    .update({ data: { minutes: input.minutes, updatedAt: now } })
  await recordAudit(db, caller, now, {
    action: 'meeting.minutes',
    targetType: 'meeting',
    targetId: doc._id,
    targetName: doc.title,
    before: { written: doc.minutes !== null },
    after: { written: true },
    unitIds: [doc.unitId],
  })
  return toMeeting({ ...doc, minutes: input.minutes }, caller, now, await attendanceOf(db, doc._id, caller._id))
}

/** What each caller may list as `managed`: a leader their group's, a branch admin their branch's and its groups', an organisation admin all. */
function managedWhere(caller: Member): Record<string, unknown> | null {
  const reach = reachOf(caller, 'meetings.manage')
  if (reach === 'all') return {}
  if (reach === 'ownBranch') return { branchId: caller.branchId }
  if (reach === 'ownGroup') return { unitId: caller.groupId }
  return null
}

/**
 * The caller's meetings (of their group, their branch and the organisation) with their own
 * attendance, or those they run; latest start first.
 */
export async function listMeetings(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  input: { scope: 'mine' | 'managed'; cursor?: string },
): Promise<ActionOutput<'listMeetings'>> {
  const _ = db.command
  authorize(caller, 'meetings.attend', memberTarget(caller))
  const where = input.scope === 'mine' ? _.or([{ unitId: _.in([caller.groupId, caller.branchId]) }, { unitKind: 'committee' }]) : managedWhere(caller)
  if (where === null) throw new AppError('FORBIDDEN', '你没有权限安排会议')
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined
  const query = after
    ? _.and([where, _.or([{ startsAt: _.lt(cursorDate(after[0])) }, { startsAt: cursorDate(after[0]), _id: _.lt(after[1]) }])])
    : _.and([where])
  const [{ data }, subscriptions] = await Promise.all([
    db
      .collection(MEETINGS)
      .where(query)
      .orderBy('startsAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(MEETINGS_PAGE_SIZE + 1)
      .get(),
    mySubscriptions(db, caller),
  ])
  const docs = data as MeetingDoc[]
  const own = new Map<string, AttendanceDoc>()
  if (docs.length) {
    const { data: rows } = await db
      .collection(MEETING_ATTENDANCE)
      .where({ memberId: caller._id, meetingId: _.in(docs.map((d) => d._id)) })
      .limit(1000)
      .get()
    for (const r of rows as AttendanceDoc[]) own.set(r.meetingId, r)
  }
  return {
    ...pageOf(
      docs,
      MEETINGS_PAGE_SIZE,
      (d) => [iso(d.startsAt), d._id],
      (d) => toMeeting(d, caller, now, own.get(d._id)),
    ),
    subscriptions,
  }
}
