import { main as group } from '../../cloudfunctions/group'
import { main as org } from '../../cloudfunctions/org'
import { main as report } from '../../cloudfunctions/report'
import { AUDIT } from '../../server/audit'
import { LOCAL_FILES } from '../../server/files/local-files'
import { MEETING_ATTENDANCE } from '../../server/meetings/attendance-docs'
import { MEETINGS } from '../../server/meetings/meetings'
import { NOTIFICATIONS } from '../../server/notify/notify'
import { REFLECTIONS } from '../../server/reflections/reflections'
import { SCORE_ENTRIES } from '../../server/scoring/ledger'
import { refusesBadInput } from '../support/bad-input'

/**
 * Every action of 组织生活, 学习心得 and the 电子档案, through its deployed router, with input it
 * must refuse: INVALID_INPUT with a message in Chinese, and nothing written where these write.
 */
const MEETING = {
  unitId: 'group-1',
  kind: 'groupMeeting',
  title: '党小组会',
  startsAt: '2026-11-26T14:00:00+08:00',
  endsAt: '2026-11-26T16:00:00+08:00',
  place: '二楼',
}
const ESSAY = '这次学习让我想明白了很多事情。'.repeat(5)

const BAD_ORG: Record<string, Record<string, unknown>[]> = {
  saveMeeting: [
    {},
    { ...MEETING, kind: 'party' },
    { ...MEETING, startsAt: '2026-11-31T14:00:00+08:00' },
    { ...MEETING, endsAt: '2026-11-26T13:00:00+08:00' },
    { ...MEETING, place: '' },
    { ...MEETING, items: [{ kind: 'video', id: 'v1' }] },
  ],
  cancelMeeting: [{}, { id: 7 }],
  listMeetings: [{ scope: 'all' }, { scope: 'mine', cursor: 3 }],
  getMeeting: [{}, { id: '' }],
  getMeetingCodes: [{ meetingId: 'm1' }],
  signInMeeting: [{ meetingId: 'm1' }, { meetingId: 'm1', code: '12345' }, { meetingId: 'm1', code: 123456 }],
  requestLeave: [{ meetingId: 'm1' }, { meetingId: 'm1', reason: ' ' }],
  reviewLeave: [
    { meetingId: 'm1', memberId: 'm1', approve: false },
    { meetingId: 'm1', memberId: 'm1', approve: 'yes' },
  ],
  markAttendance: [
    { meetingId: 'm1', memberId: 'm1' },
    { meetingId: 'm1', memberId: 'm1', note: 'x'.repeat(201) },
  ],
  saveMeetingMinutes: [{ meetingId: 'm1' }, { meetingId: 'm1', minutes: '' }],
}

const BAD_GROUP: Record<string, Record<string, unknown>[]> = {
  submitReflection: [
    { target: { kind: 'article', id: 'a1' }, body: ESSAY },
    { target: { kind: 'video', id: 'a1' }, body: ESSAY, requestKey: 'reflection-key-1' },
    { target: { kind: 'meeting', id: 'm1' }, body: '很好。', requestKey: 'reflection-key-1' },
  ],
  reviewReflection: [
    { id: 'r1', decision: 'return' },
    { id: 'r1', decision: 'maybe' },
    { id: 'r1', decision: 'return', comment: '再具体些', featured: true },
  ],
  listReflections: [{ scope: 'everyone' }, { scope: 'group', status: 'lost' }],
}

const BAD_REPORT: Record<string, Record<string, unknown>[]> = {
  getMemberArchive: [{ memberId: '' }, { memberId: 'm1', year: 2026 }],
  exportMemberArchive: [{}, { format: 'pdf' }, { format: 'xlsx', year: 1999 }],
}

const WRITTEN = [MEETINGS, MEETING_ATTENDANCE, REFLECTIONS, SCORE_ENTRIES, NOTIFICATIONS, LOCAL_FILES, AUDIT]

describe('组织生活 (org)', () => refusesBadInput(org, BAD_ORG, WRITTEN))
describe('学习心得 (group)', () => refusesBadInput(group, BAD_GROUP, WRITTEN))
describe('电子档案 (report)', () => refusesBadInput(report, BAD_REPORT, WRITTEN))
