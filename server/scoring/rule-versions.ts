import { ScoreRules, type DayKey, type GetScoreRulesOutput } from '../../types'
import type { Member } from '../members'
import { addDays, dayKey } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { authorize, ORGANISATION } from '../permissions'
import { DEFAULT_RULES, describeScoreRules, rulesOn } from './rules'
import { recordAudit } from '../audit'

/**
 * The stored rules versions, `scoreRules/<effectiveFrom>`. A version may only be saved to start on
 * a later day than today, so no day already scored ever changes its rules; saving again for the
 * same day replaces that version while it has not started.
 */
export const SCORE_RULES = 'scoreRules'

/**
 * Every saved version (an organisation keeps a handful: one query). A version saved before a kind
 * existed gets that kind's default rule: no event of the kind was scored under it, so nothing changes.
 */
export async function loadRuleVersions(db: CloudDatabase): Promise<ScoreRules[]> {
  const { data } = await db.collection(SCORE_RULES).orderBy('effectiveFrom', 'asc').limit(1000).get()
  return data.map(({ _id: _ignored, ...stored }) => ScoreRules.parse({ ...stored, kinds: { ...DEFAULT_RULES.kinds, ...(stored.kinds as object) } }))
}

const loaded = new WeakMap<CloudDatabase, { day: DayKey; versions: ScoreRules[] }>()

/**
 * The versions for scoring an event of `day`, loaded once per day and database. Exact, not merely
 * recent: a version is saved before the day it starts, so versions loaded for an event of day D
 * include every version in force on D or any earlier day; an event of a later day loads them again.
 */
export async function versionsForDay(db: CloudDatabase, day: DayKey): Promise<ScoreRules[]> {
  const hit = loaded.get(db)
  if (hit && day <= hit.day) return hit.versions
  const versions = await loadRuleVersions(db)
  loaded.set(db, { day, versions })
  return versions
}

export async function scoreRulesFor(db: CloudDatabase, caller: Member, now: Date): Promise<GetScoreRulesOutput> {
  authorize(caller, 'content.read', ORGANISATION)
  const versions = await loadRuleVersions(db)
  const today = dayKey(now)
  const current = rulesOn(versions, today)
  const upcoming = versions.find((v) => v.effectiveFrom > today) ?? null
  return { current, upcoming, sentences: describeScoreRules(current) }
}

export async function saveScoreRules(db: CloudDatabase, caller: Member, now: Date, rules: ScoreRules): Promise<ScoreRules> {
  authorize(caller, 'scoreRules.manage', ORGANISATION)
  const tomorrow = addDays(dayKey(now), 1)
  if (rules.effectiveFrom < tomorrow) throw new AppError('INVALID_INPUT', `新规则最早从明天（${tomorrow}）起生效，已计分的日子不能改规则`)
  const versions = await loadRuleVersions(db)
  await db.collection(SCORE_RULES).doc(rules.effectiveFrom).set({ data: rules })
  const before = versions.find((v) => v.effectiveFrom === rules.effectiveFrom) ?? null
  await recordAudit(db, caller, now, {
    action: 'scoreRules.save',
    targetType: 'scoreRules',
    targetId: rules.effectiveFrom,
    targetName: `${rules.effectiveFrom} 起施行的积分规则`,
    before,
    after: rules,
    unitIds: [],
  })
  return rules
}
