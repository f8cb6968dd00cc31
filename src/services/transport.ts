import type { Domain } from '../../types/actions'
import { CloudError } from './errors'

/**
 * Sends one call to a cloud function (`data` is `{ action, ...input }`) and resolves with its raw
 * answer (a FunctionResult, unchecked). Rejects with a CloudError when no answer could be had.
 *
 * Taro picks `transport.weapp.ts` or `transport.h5.ts` at build time; this neutral file only
 * defines the shape and refuses on other platforms.
 */
export type Send = (name: Domain, data: Record<string, unknown>) => Promise<unknown>

export const send: Send = async () => {
  throw new CloudError('INTERNAL', '当前平台不支持云函数调用')
}
