import { createHmac } from 'node:crypto'
import { MEETING_CODE_SECONDS, MEETING_CODES_PER_CALL, MEETING_SIGN_IN_MARGIN_MINUTES } from '../../types/meeting-rules'
import { AppError } from '../errors'

/**
 * The rotating sign-in code: for each 30-second period, six digits from an HMAC of the meeting's
 * own secret and the period number, so a code is bound to its meeting and its half-minute and
 * cannot be worked out from earlier ones. The QR on the leader's screen carries the meeting and
 * the code (`xxqmeet:<meeting>:<code>`); in H5 the member types the code on the meeting's page.
 */
const PERIOD_MS = MEETING_CODE_SECONDS * 1000
const MARGIN_MS = MEETING_SIGN_IN_MARGIN_MINUTES * 60_000

export const periodOf = (at: Date) => Math.floor(at.getTime() / PERIOD_MS)

export function codeFor(secret: string, meetingId: string, period: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(`${meetingId}:${period}`).digest()
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

export const qrText = (meetingId: string, code: string) => `xxqmeet:${meetingId}:${code}`

export interface SignInWindow {
  startsAt: Date
  endsAt: Date
}

/** Sign-in is open from half an hour before the start to half an hour after the end. */
export function requireSignInOpen(meeting: SignInWindow, now: Date): void {
  if (now.getTime() < new Date(meeting.startsAt).getTime() - MARGIN_MS)
    throw new AppError('CONFLICT', `签到还没开始：会前 ${MEETING_SIGN_IN_MARGIN_MINUTES} 分钟开放`)
  if (now.getTime() > new Date(meeting.endsAt).getTime() + MARGIN_MS) throw new AppError('CONFLICT', '会议已结束，签到已关闭；没签上的请联系组长补登')
}

/** The codes of this period and the next ones (within the window), for the leader's screen. */
export function codesFrom(secret: string, meetingId: string, meeting: SignInWindow, now: Date) {
  requireSignInOpen(meeting, now)
  const last = periodOf(new Date(new Date(meeting.endsAt).getTime() + MARGIN_MS))
  const first = periodOf(now)
  const codes = []
  for (let p = first; p <= Math.min(last, first + MEETING_CODES_PER_CALL - 1); p++) {
    const code = codeFor(secret, meetingId, p)
    codes.push({ code, qr: qrText(meetingId, code), from: new Date(p * PERIOD_MS).toISOString(), until: new Date((p + 1) * PERIOD_MS).toISOString() })
  }
  return codes
}

/**
 * Accepts the code of this period, of the one before (scanned on the turn, a slow network) or of
 * the next (the leader's phone a few seconds ahead). An older code of this meeting is expired;
 * anything else is not this meeting's code.
 */
export function checkCode(secret: string, meetingId: string, meeting: SignInWindow, now: Date, code: string): void {
  const current = periodOf(now)
  for (const p of [current - 1, current, current + 1]) if (codeFor(secret, meetingId, p) === code) return
  const opened = periodOf(new Date(new Date(meeting.startsAt).getTime() - MARGIN_MS))
  for (let p = current - 2; p >= opened; p--) {
    if (codeFor(secret, meetingId, p) === code) throw new AppError('CODE_EXPIRED', '签到码已过期，请扫描组长手机上的最新二维码')
  }
  throw new AppError('WRONG_CODE', '签到码不对：请核对会场显示的 6 位数字，或扫描这次会议的二维码')
}
