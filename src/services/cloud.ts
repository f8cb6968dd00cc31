import type { ActionInput, ActionName, ActionOutput, ErrorCode } from '../../types'
import { domainOf } from '../../types/actions'
import { CloudError } from './errors'
import { send } from './transport'

export { CloudError } from './errors'
export type { CloudErrorCode } from './errors'

const UNREADABLE = '服务器返回了无法识别的结果，请稍后重试'

/**
 * The caller's pass (身份凭证) the functions answer: sent back beside each input, it spares the server
 * looking the member up again for a few minutes. Kept for the app run only; the server ignores one
 * that is expired or not this user's, and answers null to drop it.
 */
let callerPass: string | undefined

/**
 * Calls one action: `{ action, ...input }` goes to the cloud function that serves it, which checks the
 * input against the contract; resolves with the action's output or rejects with a CloudError. The
 * schemas stay on the server: the phone carries types only.
 */
export async function callFunction<N extends ActionName>(action: N, input: ActionInput<N>): Promise<ActionOutput<N>> {
  const domain = domainOf(action)
  if (!domain) throw new CloudError('NOT_FOUND', `没有这个操作：${action}`)
  const answer = await send(domain, { action, ...(input as object), ...(callerPass ? { callerPass } : {}) })
  if (isRecord(answer) && answer.ok === true && 'data' in answer) {
    if (typeof answer.callerPass === 'string') callerPass = answer.callerPass
    else if (answer.callerPass === null) callerPass = undefined
    return answer.data as ActionOutput<N>
  }
  if (isRecord(answer) && answer.ok === false && typeof answer.code === 'string' && typeof answer.message === 'string') {
    throw new CloudError(answer.code as ErrorCode, answer.message, typeof answer.requestId === 'string' ? answer.requestId : undefined)
  }
  throw new CloudError('INTERNAL', UNREADABLE)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
