import { AppError } from './errors'

/**
 * Keyset paging: a cursor holds the sort key of the last item shown, so a page never repeats or
 * skips an item when others are added meanwhile (offsets would).
 */
export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

const invalidCursor = () => new AppError('INVALID_INPUT', '分页位置无效，请从第一页重新查看')

export function decodeCursor(cursor: string, length: number): string[] {
  let key: unknown
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    key = undefined
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((k) => typeof k === 'string')) throw invalidCursor()
  return key
}

/** A cursor key that is an instant (the ISO text of a stored Date), back as the Date to compare with. */
export function cursorDate(key: string): Date {
  const at = new Date(key)
  if (Number.isNaN(at.getTime())) throw invalidCursor()
  return at
}

/** One page from `limit + 1` fetched items: the page, and a cursor when there is more. */
export function pageOf<T, R>(items: T[], limit: number, keyOf: (item: T) => string[], toItem: (item: T) => R) {
  const shown = items.slice(0, limit)
  const last = shown[shown.length - 1]
  return {
    items: shown.map(toItem),
    nextCursor: items.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  }
}
