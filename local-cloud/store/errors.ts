/**
 * Errors shaped like the ones wx-server-sdk 4.0.2 rejects with.
 *
 * In the SDK, a failed server call becomes (utils/error.ts `toSDKError`):
 *   new Error(`${apiName}:fail ${errCode} ${ERR_CODE[errCode]}. ${serverMessage}`)
 * with `errCode` and `errMsg` (= message) set; a thrown string becomes
 *   new Error(`${apiName}:fail ${string}`) with errCode -1;
 * and the SDK's own parameter assertions throw `CloudSDKError`.
 */

const ERR_CODE_TEXT: Record<string, string> = {
  '-1': 'unknown error',
  '-501001': 'resource system error',
  '-501007': 'invalid parameters',
  '-502001': 'database request fail',
  '-502002': 'database invalid command',
  '-502005': 'database collection not exists',
}

export const ERR_UNKNOWN = -1
export const ERR_INVALID_PARAM = -501007
export const ERR_DB_REQUEST_FAILED = -502001

export interface CloudError extends Error {
  errCode: number
  errMsg: string
}

export function isCloudError(err: unknown): err is CloudError {
  return err instanceof Error && typeof (err as { errMsg?: unknown }).errMsg === 'string'
}

/** A server-side failure with an error code (the TCB `code` mapped to its number). */
export function serverError(apiName: string, errCode: number, detail: string): CloudError {
  const err = new Error(`${apiName}:fail ${errCode} ${ERR_CODE_TEXT[String(errCode)] ?? ''}. ${detail}`) as CloudError
  err.errCode = errCode
  err.errMsg = err.message
  return err
}

/** A write rejected by the database engine (MongoDB write error), as the cloud reports it. */
export function writeError(apiName: string, mongoMessage: string): CloudError {
  return serverError(apiName, ERR_DB_REQUEST_FAILED, `[FailedOperation] multiple write errors: [{write errors: [{${mongoMessage}}]}, {<nil>}]`)
}

export function duplicateKeyError(apiName: string, collection: string, id: unknown): CloudError {
  return writeError(apiName, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`)
}

/** A query the database engine refused (bad operator, bad projection, ...). */
export function queryError(apiName: string, message: string): CloudError {
  return serverError(apiName, ERR_DB_REQUEST_FAILED, `[FailedOperation] ${message}`)
}

/** `${apiName}:fail ${detail}` with errCode -1, as the SDK builds from a thrown string. */
export function failError(apiName: string, detail: string): CloudError {
  const err = new Error(`${apiName}:fail ${detail}`) as CloudError
  err.errCode = ERR_UNKNOWN
  err.errMsg = err.message
  return err
}

export function notFoundError(id: unknown): CloudError {
  return failError('document.get', `document with _id ${String(id)} does not exist`)
}

/** The SDK's CloudSDKError, thrown by its own argument checks before any request. */
export class CloudSDKError extends Error implements CloudError {
  errCode: number
  errMsg: string
  constructor(options: { errCode?: number; errMsg: string }) {
    const errCode = options.errCode || ERR_UNKNOWN
    super(`errCode: ${errCode} ${ERR_CODE_TEXT[String(errCode)] ?? ''} | errMsg: ${options.errMsg}`)
    this.errCode = errCode
    this.errMsg = options.errMsg
  }
}

/** `toSDKError(e, apiName)` for an arbitrary thrown value. */
export function toSDKError(err: unknown, apiName: string): CloudError {
  if (isCloudError(err)) return err
  if (err instanceof Error) {
    const e = err as CloudError
    e.message = `${apiName}:fail ${e.message}`
    e.errCode = ERR_UNKNOWN
    e.errMsg = e.message
    return e
  }
  return failError(apiName, String(err))
}
