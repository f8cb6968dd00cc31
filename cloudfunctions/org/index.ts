import { defineRouter } from '../../server/function'
import { archiveUnit } from '../../server/actions/archiveUnit'
import { confirmSamePerson } from '../../server/actions/confirmSamePerson'
import { createInvitation } from '../../server/actions/createInvitation'
import { deactivateMember } from '../../server/actions/deactivateMember'
import { listAudit } from '../../server/actions/listAudit'
import { listInvitations } from '../../server/actions/listInvitations'
import { listMembers } from '../../server/actions/listMembers'
import { listUnits } from '../../server/actions/listUnits'
import { moveMember } from '../../server/actions/moveMember'
import { preregisterMember } from '../../server/actions/preregisterMember'
import { reactivateMember } from '../../server/actions/reactivateMember'
import { revokeInvitation } from '../../server/actions/revokeInvitation'
import { saveUnit } from '../../server/actions/saveUnit'
import { setRoles } from '../../server/actions/setRoles'

import { saveMeeting } from '../../server/actions/saveMeeting'
import { cancelMeeting } from '../../server/actions/cancelMeeting'
import { listMeetings } from '../../server/actions/listMeetings'
import { getMeeting } from '../../server/actions/getMeeting'
import { getMeetingCodes } from '../../server/actions/getMeetingCodes'
import { signInMeeting } from '../../server/actions/signInMeeting'
import { requestLeave } from '../../server/actions/requestLeave'
import { reviewLeave } from '../../server/actions/reviewLeave'
import { markAttendance } from '../../server/actions/markAttendance'
import { saveMeetingMinutes } from '../../server/actions/saveMeetingMinutes'
/** The organisation: units, the roster, roles, invitations, the audit log, and its 组织生活 (meetings, sign-in, leave). Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('org', {
  listUnits,
  saveUnit,
  archiveUnit,
  listMembers,
  preregisterMember,
  moveMember,
  setRoles,
  deactivateMember,
  reactivateMember,
  confirmSamePerson,
  createInvitation,
  revokeInvitation,
  listInvitations,
  listAudit,
  saveMeeting,
  cancelMeeting,
  listMeetings,
  getMeeting,
  getMeetingCodes,
  signInMeeting,
  requestLeave,
  reviewLeave,
  markAttendance,
  saveMeetingMinutes,
})
