/**
 * Answers the client adapter's transport in jsdom tests, the way the cloud functions would:
 * each handler returns a FunctionResult (or a promise of one).
 */
import type { ActionName } from '../../types'
import { send } from '../../src/services/transport'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test's handler reads the input of its own action
type Handler = (input: any) => unknown
export type Handlers = Partial<Record<ActionName, Handler>>

export const ok = <T>(data: T) => ({ ok: true as const, data })
export const fail = (code: string, message: string) => ({ ok: false as const, code, message })

export const sendMock = send as jest.MockedFunction<typeof send>

/**
 * Self-contained cards that load their own data on pages owned by others (每周一学 on 首页 and 学习):
 * a week without a list, unless a test answers otherwise.
 */
const EMBEDDED: Handlers = {
  getMyWeekly: () => ok({ week: '2025-11-17', current: true, list: null }),
}

/** A call as sent: `{ action, ...input }` to the action's function, taken apart. */
const asAction = ([, data]: Parameters<typeof send>): [ActionName, Record<string, unknown>] => {
  const { action, ...input } = data as { action: ActionName }
  return [action, input]
}

export function serve(handlers: Handlers): void {
  sendMock.mockImplementation(async (domain, data) => {
    const [name, input] = asAction([domain, data])
    const handler = handlers[name] ?? EMBEDDED[name]
    if (!handler) throw new Error(`no answer for ${name} in this test`)
    return handler(input)
  })
}

type Answer = { ok: true; data: unknown } | { ok: false }

/**
 * A page's one answer made of its parts' answers, as the server composes it (getGroup with its first
 * page of prompts, say): the first part that fails is the answer.
 */
export async function composed(parts: Record<string, unknown>, build: (data: Record<string, unknown>) => unknown): Promise<unknown> {
  const data: Record<string, unknown> = {}
  for (const [key, part] of Object.entries(parts)) {
    const answer = (await part) as Answer
    if (!answer.ok) return answer
    data[key] = answer.data
  }
  return ok(build(data))
}

/** Every action sent so far, in order, with its input. */
export const actionsSent = () => sendMock.mock.calls.map(asAction)

export const callsTo = (name: ActionName) => actionsSent().filter(([n]) => n === name)

/** A promise the test settles when it wants to. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
