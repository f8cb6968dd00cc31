import { getArticle } from '../../server/actions/getArticle'
import { getChapter } from '../../server/actions/getChapter'
import { heartbeat } from '../../server/actions/heartbeat'
import type { ArticleDoc } from '../../server/content/docs'
import type { ActionInput, ActionOutput, FunctionResult } from '../../types'
import type { TestCloud } from './cloud'
import { addArticle } from './content'

/** The data of a successful call; fails the test with the error otherwise. */
export function ok<T>(result: FunctionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`)
  return result.data
}

/** Moves the test clock on by `seconds`. */
export function advance(cloud: TestCloud, seconds: number): void {
  cloud.clock.fix(new Date(cloud.clock.now().getTime() + seconds * 1000))
}

type BeatInput = ActionInput<'heartbeat'>

let sessions = 0

/**
 * A reader page on one item: its session id, and its heartbeats with seq counting up from 0 and the
 * running count of an honest reader active all along (the test clock's seconds since the session's
 * first heartbeat, or since `open`); `send` answers the result, `beat` the data of a successful one.
 * The session is not opened on the server unless `open` is called first (its first heartbeat then
 * only starts it).
 */
export function openReader(cloud: TestCloud, member: string, kind: BeatInput['kind'], id: string, sessionId = `session-${++sessions}-${member}`) {
  let seq = 0
  let since: number | undefined
  /** The open's pass, sent with every heartbeat (the reader stops once one is answered; the server reads it only for a session it does not know). */
  let pass: { pass: string } | undefined
  const counted = () => Math.floor((cloud.clock.now().getTime() - (since ??= cloud.clock.now().getTime())) / 1000)
  const send = (fields: Partial<BeatInput> = {}): Promise<FunctionResult<ActionOutput<'heartbeat'>>> =>
    cloud.call(heartbeat, `wx-${member}`, { kind, id, sessionId, seq: seq++, activeSeconds: counted(), mode: 'read', atEnd: false, ...pass, ...fields })
  return {
    sessionId,
    send,
    beat: async (fields: Partial<BeatInput> = {}) => ok(await send(fields)),
    /** Opens the item as the reader page does, starting the session on the server now. */
    async open() {
      since = cloud.clock.now().getTime()
      const opened = ok<{ heartbeatSeconds: number | null; sessionPass: string | null }>(
        kind === 'article' ? await cloud.call(getArticle, `wx-${member}`, { id, sessionId }) : await cloud.call(getChapter, `wx-${member}`, { id, sessionId }),
      )
      pass = opened.sessionPass ? { pass: opened.sessionPass } : undefined
      return opened
    },
  }
}

/** Reads for `seconds` in heartbeats `every` seconds apart (the session's first heartbeat first). */
export async function readFor(cloud: TestCloud, reader: ReturnType<typeof openReader>, seconds: number, every = 15) {
  const answers = [await reader.beat()]
  for (let left = seconds; left > 0; left -= every) {
    advance(cloud, Math.min(every, left))
    answers.push(await reader.beat())
  }
  return answers
}

/** A published article of `minutes` minutes. */
export const addPublishedArticle = (cloud: TestCloud, _id: string, fields: Partial<ArticleDoc> = {}) =>
  addArticle(cloud.db, { status: 'published', publishedOn: '2026-11-20', ...fields, _id })
