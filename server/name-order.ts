import type { CloudDatabase } from './db/types'
import { MEMBERS, type Member } from './members'

/**
 * 拼音 order for people's names, as a Chinese roster is read (李 before 王 before 张): the stored
 * `nameKey` lets the database sort members by it, and `byName` sorts rows in memory the same way.
 * Surnames read as surnames (曾 zeng, 单 shan); tones as digits break ties between syllables.
 *
 * pinyin-pro's dictionary takes about half a second to load, so it is required on first use, not
 * when a function starts: a member's everyday calls never load it, and rows made from stored
 * members sort by the key they carry.
 */
export function nameKey(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (above)
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro')
  return pinyin(name, { toneType: 'num', surname: 'head', type: 'array', nonZh: 'consecutive', v: true }).join(' ').toLowerCase()
}

const keys = new Map<string, string>()
const keyOf = ({ name, nameKey: stored }: Named) => {
  if (stored) return stored
  let key = keys.get(name)
  if (key === undefined) keys.set(name, (key = nameKey(name)))
  return key
}

/** A row with a person's name, and its stored key when it was made from a member. */
type Named = { name: string; nameKey?: string }

/** Compares two rows by their names in 拼音 order. */
export const byName = (a: Named, b: Named): number => {
  const x = keyOf(a)
  const y = keyOf(b)
  return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

/**
 * Gives every member stored before names were keyed its `nameKey`, 1,000 at a time; answers how
 * many. Run by the local cloud on start; safe to run again (only keyless records are read).
 */
export async function keyMemberNames(db: CloudDatabase): Promise<number> {
  const _ = db.command
  let keyed = 0
  for (;;) {
    const { data } = await db
      .collection(MEMBERS)
      .where({ nameKey: _.exists(false) })
      .limit(1000)
      .field({ _id: true, name: true })
      .get()
    for (const m of data as Pick<Member, '_id' | 'name'>[])
      await db
        .collection(MEMBERS)
        .doc(m._id)
        .update({ data: { nameKey: nameKey(m.name) } })
    keyed += data.length
    if (data.length < 1000) return keyed
  }
}
