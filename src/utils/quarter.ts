import type { MemberQuarter } from '../../types'
import { hoursText } from './score'

/** A 0..1 rate as a percentage with one decimal. */
/** A rate as a percentage, or why there is none: 75%, —（无必学内容）. */
export const percentText = (rate: number | null, none: string) => (rate === null ? `—（${none}）` : `${Math.round(rate * 1000) / 10}%`)

/** An encouraging line about the quarter, and one comparing it with the quarter before. */
export function encouragement(mine: MemberQuarter, previous: MemberQuarter | null): string[] {
  const lines: string[] = []
  if (mine.requiredCount > 0 && mine.requiredDone === mine.requiredCount) lines.push('本季度的每周一学必学内容全部完成，了不起！')
  else if (mine.requiredDone > 0) lines.push(`本季度完成了 ${mine.requiredDone} 项必学内容，下个季度继续加油。`)
  else lines.push('新的季度是新的开始，每天读一点，积少成多。')
  if (previous) {
    const diff = mine.studySeconds - previous.studySeconds
    if (diff > 0) lines.push(`比上个季度多学了 ${hoursText(diff)}，进步看得见。`)
    else if (diff < 0) lines.push(`比上个季度少学了 ${hoursText(-diff)}，找回节奏就好。`)
    else lines.push('学习时间和上个季度一样，保持得很稳。')
  }
  return lines
}
