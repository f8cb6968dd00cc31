import type { TemplateKey } from '../../types'
import { clipText } from '../../types/text'

/**
 * Subscribe-message templates by key. Which template (its id) and which of its fields carry each
 * value is the account's choice in the mini-program console, so both come from configuration:
 *
 *   SUBSCRIBE_TEMPLATES='{"dailyStudy":{"id":"<模板ID>","fields":{"title":"thing1","date":"date2","note":"thing3"}}}'
 *
 * (`{"dailyStudy":"<模板ID>"}` keeps the default fields).
 */
interface TemplateSpec {
  /** What members see when asked to subscribe. */
  title: string
  /** Semantic field → the template's field, by default. */
  fields: Record<string, string>
}

export const TEMPLATES: Record<TemplateKey, TemplateSpec> = {
  dailyStudy: { title: '每日学习提醒', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
  groupPrompt: { title: '小组讨论提醒', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
  studyNudge: { title: '学习进度提醒', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
  weeklyList: { title: '每周一学发布提醒', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
  examNotice: { title: '考试通知', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
  meetingNotice: { title: '会议通知', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
}

export interface TemplateConfig {
  id: string
  fields: Record<string, string>
}

type Env = Record<string, string | undefined>

/** The configured templates; a malformed setting is an error worth failing loudly on. */
export function templateConfig(env: Env = process.env): Partial<Record<TemplateKey, TemplateConfig>> {
  const raw = env.SUBSCRIBE_TEMPLATES?.trim()
  if (!raw) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new Error('SUBSCRIBE_TEMPLATES 应为 JSON，例如 {"dailyStudy":"<模板ID>"}')
  }
  const config: Partial<Record<TemplateKey, TemplateConfig>> = {}
  for (const key of Object.keys(TEMPLATES) as TemplateKey[]) {
    const entry = (parsed as Record<string, unknown>)[key]
    if (typeof entry === 'string' && entry) config[key] = { id: entry, fields: TEMPLATES[key].fields }
    else if (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string') {
      const { id, fields } = entry as { id: string; fields?: Record<string, string> }
      config[key] = { id, fields: { ...TEMPLATES[key].fields, ...fields } }
    }
  }
  return config
}

/** WeChat's limits on template values: `thing` at most 20 characters, others 32. */
export function templateValue(field: string, value: string): string {
  return clipText(value, field.startsWith('thing') ? 20 : 32)
}

/** The message's semantic fields as the template's `{ thing1: { value } }`. */
export function templateData(config: TemplateConfig, data: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {}
  for (const [name, value] of Object.entries(data)) {
    const field = config.fields[name]
    if (field) out[field] = { value: templateValue(field, value) }
  }
  return out
}
