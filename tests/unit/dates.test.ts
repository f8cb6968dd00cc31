import { contract, DayKey, Instant, MonthKey, type ActionName } from '../../types'
import { QuarterKey } from '../../types/reports'
import { WeekKey } from '../../types/weekly'

/**
 * Every date an action takes is a real Shanghai calendar day (or month, or quarter) in the years the
 * app can mean: the contract is walked for each input field that holds one, so a new action's date
 * field is covered the day it is added, and a field named like a date that is not one fails here.
 */

type Schema = { _zod: { def: { type: string; innerType?: Schema; shape?: Record<string, Schema>; element?: Schema } } }

/** The schema under optional, nullable and default. */
function unwrap(schema: Schema): Schema {
  const def = schema._zod.def
  return def.innerType && ['optional', 'nullable', 'default'].includes(def.type) ? unwrap(def.innerType) : schema
}

interface DateField {
  action: ActionName
  path: string
  kind: 'day' | 'week' | 'month' | 'quarter' | 'instant'
  nullable: boolean
}

const KINDS = new Map<unknown, DateField['kind']>([
  [DayKey, 'day'],
  [WeekKey, 'week'],
  [MonthKey, 'month'],
  [QuarterKey, 'quarter'],
  [Instant, 'instant'],
])
const DATE_NAME = /(^|\.)(day|week|month|quarter|date)$|(On|For|Day|Week|At)$/

function dateFields(): { found: DateField[]; misnamed: string[] } {
  const found: DateField[] = []
  const misnamed: string[] = []
  for (const [action, { input }] of Object.entries(contract) as [ActionName, { input: unknown }][]) {
    const walk = (schema: Schema, path: string) => {
      const inner = unwrap(schema)
      const kind = KINDS.get(inner)
      if (kind) {
        found.push({ action, path, kind, nullable: schema !== inner })
        return
      }
      const def = inner._zod.def
      if (def.type === 'object') for (const [key, field] of Object.entries(def.shape ?? {})) walk(field, path ? `${path}.${key}` : key)
      else if (def.type === 'array' && def.element) walk(def.element, `${path}[]`)
      else if (DATE_NAME.test(path) && def.type === 'string') misnamed.push(`${action}.${path}`)
    }
    walk(input as Schema, '')
  }
  return { found, misnamed }
}

const IMPOSSIBLE: Record<DateField['kind'], string[]> = {
  day: ['2026-13-01', '2026-12-32', '2026-02-30', '2025-02-29', '1999-12-31', '2026-1-5', '2026/12/01'],
  // A week is its Monday: 2026-12-01 is a Tuesday.
  week: ['2026-12-01', '2026-13-07', '2026-02-30'],
  month: ['2026-13', '2026-00', '1999-12', '2026-1'],
  quarter: ['2026-Q5', '2026-Q0', '1999-Q4', '2026Q1'],
  instant: ['2026-02-30T09:00:00+08:00', '2026-13-01T09:00:00+08:00', '2026-12-01T24:00:00+08:00', '2026-12-01 09:00', '2026-12-01T09:00:00'],
}
const REAL: Record<DateField['kind'], string> = {
  day: '2028-02-29',
  week: '2026-11-30',
  month: '2026-12',
  quarter: '2026-Q4',
  instant: '2028-02-29T09:00:00+08:00',
}

/** The action's input with `value` at `path` (array paths take a one-element array). */
function inputWith(path: string, value: string): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  let at: Record<string, unknown> = input
  const parts = path.split('.')
  parts.forEach((part, i) => {
    const array = part.endsWith('[]')
    const key = array ? part.slice(0, -2) : part
    const last = i === parts.length - 1
    const next = last ? value : {}
    at[key] = array ? [next] : next
    if (!last) at = next as Record<string, unknown>
  })
  return input
}

describe('dates in every action’s input', () => {
  const { found, misnamed } = dateFields()

  it('are found (the walk sees the fields the app has), and every field named like a date is a date schema', () => {
    const names = found.map((f) => `${f.action}.${f.path}`)
    for (const known of [
      'savePrompt.closesOn',
      'scheduleArticle.day',
      'saveWeeklyList.week',
      'getMyWeekly.week',
      'getCheckInSummary.month',
      'getMyQuarterReport.quarter',
      'saveExam.opensAt',
    ]) {
      expect(names).toContain(known)
    }
    expect(misnamed).toEqual([])
  })

  it.each(dateFields().found.map((f) => [`${f.action}.${f.path}`, f] as const))('%s refuses impossible dates with a clear message', (_name, field) => {
    const schema = contract[field.action].input as unknown as {
      safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }
    }
    for (const bad of IMPOSSIBLE[field.kind]) {
      const result = schema.safeParse(inputWith(field.path, bad))
      expect(result.success).toBe(false)
      const issue = result.error!.issues.find((i) => i.path.join('.').replace(/\.0(\.|$)/g, '$1') === field.path.replace(/\[\]/g, ''))
      expect(issue?.message).toMatch(/日期|月份|季度|没有这一天|周一|时间/)
    }
    // A real one passes this field (other fields of the input may still be missing).
    const ok = schema.safeParse(inputWith(field.path, REAL[field.kind]))
    const onField = ok.error?.issues.filter((i) => i.path.join('.').replace(/\.0(\.|$)/g, '$1') === field.path.replace(/\[\]/g, '')) ?? []
    expect(onField).toEqual([])
  })
})
