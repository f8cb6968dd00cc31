import type { StudyRules } from '../../types'
import type { Member } from '../members'
import { READER_IDLE_SECONDS, VIDEO_WATCHED_SHARE } from '../../types/constants'
import { durationText } from '../../types/reading'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { authorize, ORGANISATION } from '../permissions'

/**
 * The study-time rules in force: the one place their numbers live. Everything that credits, caps,
 * completes or explains study time reads them from here.
 */
export interface StudyRuleNumbers {
  /**
   * The reader reports the time it counted this often while the member reads (and when reading
   * pauses, the page is left or the end is reached).
   */
  heartbeatSeconds: number
  /** One heartbeat credits at most this much. */
  maxBeatSeconds: number
  /** The reader stops counting after this long without a touch or a scroll (unless audio plays). */
  idleAfterSeconds: number
  /** Credited time per article or chapter stops at this multiple of its estimated minutes. */
  itemCapMultiple: number
  /** Credited time per Shanghai day stops here. */
  dayCapMinutes: number
  /** An item completes when this share of its estimate is credited and its end was reached. */
  completionShare: number
  /** A video item completes (看完) when this share of its length is credited and was played. */
  videoCompletionShare: number
  /** The weekly target; the only rule an organisation configures (collection `studySettings`). */
  weeklyTargetMinutes: number
}

export const STUDY_RULES: Readonly<StudyRuleNumbers> = Object.freeze({
  heartbeatSeconds: 600,
  maxBeatSeconds: 660,
  idleAfterSeconds: READER_IDLE_SECONDS,
  itemCapMultiple: 2,
  dayCapMinutes: 240,
  completionShare: 0.8,
  videoCompletionShare: VIDEO_WATCHED_SHARE,
  weeklyTargetMinutes: 30,
})

export const STUDY_SETTINGS = 'studySettings'
/** `studySettings/rules`: `{ weeklyTargetMinutes }`, written by the organisation's admins. */
export const STUDY_SETTINGS_ID = 'rules'

/** The rules with the organisation's weekly target, when it set a valid one. */
export async function loadStudyRules(db: CloudDatabase): Promise<StudyRuleNumbers> {
  const settings = await findDoc<{ weeklyTargetMinutes?: unknown }>(db, STUDY_SETTINGS, STUDY_SETTINGS_ID)
  const target = settings?.weeklyTargetMinutes
  const valid = typeof target === 'number' && Number.isInteger(target) && target >= 1 && target <= 10_080
  return valid ? { ...STUDY_RULES, weeklyTargetMinutes: target } : STUDY_RULES
}

/** What an item is measured by: its estimated minutes, and its video's length when it is a video. */
export interface ItemMeasure {
  minutes: number
  videoSeconds?: number | null
}

/** No time is credited for an item beyond this. */
export const itemCapSeconds = (rules: StudyRuleNumbers, { minutes }: ItemMeasure) => Math.round(rules.itemCapMultiple * minutes * 60)

// Rounded first: 0.8 × 180 is 144.00000000000003 in floating point.
const ceilShare = (share: number, seconds: number) => Math.ceil(Math.round(share * seconds * 1e6) / 1e6)

/** The credited time that completes an item (with its end reached, or 90% of its video played). */
export const completeAtSeconds = (rules: StudyRuleNumbers, { minutes, videoSeconds }: ItemMeasure) =>
  videoSeconds ? ceilShare(rules.videoCompletionShare, videoSeconds) : ceilShare(rules.completionShare, minutes * 60)

export const dayCapSeconds = (rules: StudyRuleNumbers) => rules.dayCapMinutes * 60

const percent = (share: number) => `${Math.round(share * 100)}%`

/** The rules as data and as the sentences of the rules page (学时规则). */
export function describeRules(rules: StudyRuleNumbers): StudyRules {
  return {
    ...rules,
    sentences: [
      '学时由服务器核定：手机报来的时长，服务器只在它自己的时钟允许的范围内计入。',
      `阅读页面在前台、你正在阅读（或音频正在播放）时，小程序记下阅读时长，每 ${durationText(rules.heartbeatSeconds)} 以及暂停、离开页面、读到末尾时报给服务器；服务器计入的时长不超过两次上报之间实际经过的时间，每次最多 ${durationText(rules.maxBeatSeconds)}。`,
      `锁屏、切到后台、${durationText(rules.idleAfterSeconds)}未操作时停止计时，这段时间不计入。`,
      '阅读途中的上报先计入学时；学时对应的积分在暂停、离开页面或读到末尾时一并计入（接着读上一章、下一章时，到停下时一并计入；未及时计入的，次日凌晨对账时补记）。',
      '收听音频与阅读文字同样计入学时。',
      `观看视频按实际播放计时：只计正常速度或更慢播放的时长，拖动、快进跳过的部分不计；播放过视频的 ${percent(rules.videoCompletionShare)} 且累计满这么长时间，即看完。`,
      `每篇文章或每个章节最多计入其预计阅读时长的 ${rules.itemCapMultiple} 倍。`,
      `每天最多计入 ${rules.dayCapMinutes} 分钟（${rules.dayCapMinutes / 60} 小时），按北京时间零点分日；跨零点的阅读分别计入前后两天。`,
      '重复发送或重放的上报不计入，同一时间打开多个阅读页面（或在两台手机上）也不会重复计时。',
      `计入学时达到预计时长的 ${percent(rules.completionShare)} 且读到末尾（或听完），即完成该篇或该章；一本书的全部章节完成即读完这本书。`,
      `每周（周一至周日）学习 ${rules.weeklyTargetMinutes} 分钟即达到每周目标。`,
      '页面上的分钟数按已计入的秒数向下取整显示。',
    ],
  }
}

/** The rules page: anyone signed in may read the rules. */
export async function studyRulesFor(db: CloudDatabase, caller: Member): Promise<StudyRules> {
  authorize(caller, 'content.read', ORGANISATION)
  return describeRules(await loadStudyRules(db))
}
