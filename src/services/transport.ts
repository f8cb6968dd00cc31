import type { FunctionName } from '../../types'
import { CloudError } from './errors'

/**
 * Sends one cloud-function call and resolves with the function's raw answer (a FunctionResult,
 * unchecked). Rejects with a CloudError when the answer cannot be obtained.
 *
 * Taro picks `transport.weapp.ts` or `transport.h5.ts` at build time; this neutral file only
 * defines the shape and refuses on other platforms.
 */
export type Send = (name: FunctionName, input: unknown) => Promise<unknown>

export const send: Send = async () => {
  throw new CloudError('INTERNAL', '当前平台不支持云函数调用')
}
