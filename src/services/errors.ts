import type { ErrorCode } from '../../types'

export type CloudErrorCode = ErrorCode | 'NETWORK'

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试'

/** A failed cloud call, with a message a member can read. */
export class CloudError extends Error {
  readonly code: CloudErrorCode
  readonly requestId?: string

  constructor(code: CloudErrorCode, message: string, requestId?: string) {
    super(message)
    this.name = 'CloudError'
    this.code = code
    this.requestId = requestId
  }
}

/** Any thrown value as a CloudError (unknown failures read as network trouble). */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error
  console.error(error)
  return new CloudError('NETWORK', NETWORK_MESSAGE)
}
