import type { MyWeek, WeeklyItem, WeeklyItemProgress } from '../../types'
import { itemKey, type LedgerDoc } from '../study/ledger'
import { weekEnd, type WeeklyListDoc } from './docs'

/**
 * The progress rules of 每周一学, from a member's study ledger alone:
 * - an article or chapter is done when the reading rules completed it (credited time and the end
 *   reached) before the week ended: read earlier counts, read after the week does not;
 * - a link is done when the member discussed it: replied, before the week ended, to a prompt of
 *   their group linked to it (reading elsewhere is not credited, so links are never required);
 * - any item is `discussed` by such a reply (to a prompt linked to the item or to its article or chapter);
 * - the study-time target is met when the week's credited time (any content) reaches it;
 * - the week is finished when every required item is done.
 */

/** The ledger paths progress on `list` reads. */
export function ledgerPaths(list: Pick<WeeklyListDoc, 'week' | 'items'>): string[] {
  const keys = list.items.filter((i) => i.kind !== 'link' && i.refId).map((i) => `items.${trackedKey(i)}`)
  return [...new Set(keys), `weeks.${list.week}`]
}

const trackedKey = (item: WeeklyItem) => itemKey(item.kind === 'chapter' ? 'chapter' : 'article', item.refId ?? '')

export function itemDone(item: WeeklyItem, ledger: Partial<LedgerDoc> | undefined, end: Date, discussed = false): WeeklyItemProgress {
  if (item.kind === 'link' || !item.refId) return { ...item, done: discussed, discussed, creditedSeconds: 0 }
  const entry = ledger?.items?.[trackedKey(item)]
  const done = !!entry?.done && !!entry.doneAt && new Date(entry.doneAt).getTime() < end.getTime()
  return { ...item, done, discussed, creditedSeconds: entry?.s ?? 0 }
}

/** `discussed`: the keys of the items the member discussed in the week (see discussed.ts). */
export function memberWeek(list: WeeklyListDoc, ledger: Partial<LedgerDoc> | undefined, discussed: ReadonlySet<string> = new Set()): MyWeek {
  const end = weekEnd(list.week)
  const items = list.items.map((item) => itemDone(item, ledger, end, discussed.has(item.key)))
  const required = items.filter((i) => i.required)
  const requiredDone = required.filter((i) => i.done).length
  const weekSeconds = ledger?.weeks?.[list.week] ?? 0
  return {
    listId: list._id,
    week: list.week,
    intro: list.intro,
    targetMinutes: list.targetMinutes,
    items,
    requiredDone,
    requiredCount: required.length,
    weekSeconds,
    targetMet: weekSeconds >= list.targetMinutes * 60,
    finished: requiredDone === required.length,
  }
}

/** The titles of the required items still to do. */
export const requiredLeft = (week: MyWeek): string[] => week.items.filter((i) => i.required && !i.done).map((i) => i.title)
