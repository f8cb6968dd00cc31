/**
 * The pieces of `@cloudbase/database` (the client library underneath wx-server-sdk's
 * `cloud.database()`) that the local store reuses so that a `where`/`update`/`add`/
 * `aggregate` call produces exactly the request the cloud would receive.
 *
 * The package is resolved through wx-server-sdk -> @cloudbase/node-sdk so that the
 * command objects are the very ones `cloud.database().command` returns.
 */
import * as path from 'node:path'

export interface AggregationBuilder {
  unwrap(): Array<{ stageKey: string; stageValue: string }>
  [stage: string]: unknown
}

export interface CloudbaseInternals {
  /** `db.command` */
  Command: unknown
  /** `db.serverDate` */
  ServerDateConstructor: (options?: { offset?: number }) => unknown
  /** `db.RegExp` */
  RegExpConstructor: (options: { regexp: string; options?: string }) => unknown
  /** Query-side serialiser (`where`) */
  encodeQuery(query: unknown): string
  /** Update-side serialiser (`update`) */
  encodeUpdate(data: unknown): string
  /** Document serialiser used by `add` and `set` */
  encodeDocument(data: unknown): string
  /** Projection / order serialiser */
  stringifyByEJSON(value: unknown): string
  /** `instanceof UpdateCommand` (used by `set` to reject update operators) */
  isUpdateCommand(value: unknown): boolean
  newAggregation(): AggregationBuilder
  errorCode: {
    QueryParamTypeError: string
    QueryParamValueError: string
    DirectionError: string
    IntergerError: string
  }
}

function resolveDatabaseDir(): string {
  try {
    const wx = require.resolve('wx-server-sdk')
    const nodeSdk = require.resolve('@cloudbase/node-sdk', { paths: [path.dirname(wx)] })
    return path.dirname(require.resolve('@cloudbase/database/package.json', { paths: [path.dirname(nodeSdk)] }))
  } catch {
    return path.dirname(require.resolve('@cloudbase/database/package.json'))
  }
}

let cached: CloudbaseInternals | undefined

export function cloudbase(): CloudbaseInternals {
  if (cached) return cached
  const dir = path.join(resolveDatabaseDir(), 'dist', 'commonjs')
  /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- the SDK's own modules, untyped, by path */
  const load = (rel: string): Record<string, any> => require(path.join(dir, rel)) as Record<string, any>
  const commandMod = load('command.js')
  const querySer = load('serializer/query.js')
  const updateSer = load('serializer/update.js')
  const datatype = load('serializer/datatype.js')
  const utils = load('utils/utils.js')
  const updateCmd = load('commands/update.js')
  const aggregateMod = load('aggregate.js')
  const serverDate = load('serverDate/index.js')
  const regexp = load('regexp/index.js')
  const constant = load('constant.js')
  const Aggregation = aggregateMod.default as new () => AggregationBuilder
  const UpdateCommandClass = updateCmd.UpdateCommand as new (...args: unknown[]) => unknown
  cached = {
    Command: commandMod.Command,
    ServerDateConstructor: serverDate.ServerDateConstructor,
    RegExpConstructor: regexp.RegExpConstructor,
    encodeQuery: (q) => querySer.QuerySerializer.encodeEJSON(q, false) as string,
    encodeUpdate: (d) => updateSer.UpdateSerializer.encodeEJSON(d, false) as string,
    encodeDocument: (d) => utils.stringifyByEJSON(datatype.serialize(d)) as string,
    stringifyByEJSON: (v) => utils.stringifyByEJSON(v) as string,
    isUpdateCommand: (v) => v instanceof UpdateCommandClass,
    newAggregation: () => new Aggregation(),
    errorCode: constant.ErrorCode,
  }
  return cached
}
