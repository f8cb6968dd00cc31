import { contract, ErrorResult } from '../../types'
import type { FunctionInput, FunctionName, FunctionOutput } from '../../types'
import { CloudError } from './errors'
import { send } from './transport'

export { CloudError } from './errors'
export type { CloudErrorCode } from './errors'

const UNREADABLE = '服务器返回了无法识别的结果，请稍后重试'

/**
 * Calls one cloud function: checks the input against the shared contract before anything is
 * sent, and resolves with the function's output or rejects with a CloudError.
 */
export async function callFunction<N extends FunctionName>(
  name: N,
  input: FunctionInput<N>,
): Promise<FunctionOutput<N>> {
  const checked = contract[name].input.safeParse(input)
  if (!checked.success) {
    const message = checked.error.issues[0]?.message ?? '输入有误'
    throw new CloudError('INVALID_INPUT', message)
  }

  const answer = await send(name, checked.data)

  if (isRecord(answer) && answer.ok === true) {
    const output = contract[name].output.safeParse(answer.data)
    if (!output.success) throw new CloudError('INTERNAL', UNREADABLE)
    return output.data as FunctionOutput<N>
  }
  const failure = ErrorResult.safeParse(answer)
  if (failure.success) {
    const { code, message, requestId } = failure.data
    throw new CloudError(code, message, requestId)
  }
  throw new CloudError('INTERNAL', UNREADABLE)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
