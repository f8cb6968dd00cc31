import type { Meeting, MyAttendance } from '../../types'
import { beijingClock, beijingMinute, dayKey } from '../../types/calendar'

/** The meeting and code a sign-in QR carries (`xxqmeet:<meeting>:<code>`), or null for any other QR. */
export function parseMeetingQr(text: string): { meetingId: string; code: string } | null {
  const m = /^xxqmeet:([^:]+):(\d{6})$/.exec(text.trim())
  return m ? { meetingId: m[1], code: m[2] } : null
}

export const STATE_TAGS: Record<Meeting['state'], [string, string]> = {
  upcoming: ['未开始', 'tag--blue'],
  ongoing: ['进行中', 'tag--red'],
  ended: ['已结束', ''],
  cancelled: ['已取消', ''],
}

/** 11月23日 14:00—16:00 (the end's day too when it is another). */
export function meetingTime(m: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const sameDay = dayKey(new Date(m.startsAt)) === dayKey(new Date(m.endsAt))
  return `${beijingMinute(m.startsAt)}—${sameDay ? beijingClock(m.endsAt) : beijingMinute(m.endsAt)}`
}

/** The member's own state in words, with its tag colour. */
export function myState(mine: MyAttendance): [string, string] {
  if (mine.present) return [`已签到 ${beijingClock(mine.presentAt!)}`, 'tag--green']
  if (mine.leave === 'approved') return ['已准假', 'tag--green']
  if (mine.leave === 'pending') return ['请假待批', 'tag--gold']
  if (mine.leave === 'rejected') return ['未准假', 'tag--red']
  return ['未签到', '']
}
