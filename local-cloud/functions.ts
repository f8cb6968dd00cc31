import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { toCronerPattern } from './scheduler'

/** A cloud function's entry point, as WeChat calls it. */
export type FunctionMain = (event: unknown) => unknown

export interface TimerTrigger {
  /** The trigger's name, passed to the function as `TriggerName`. */
  name: string
  /** WeChat's seven-field cron: second minute hour day month weekday year. */
  cron: string
}

export interface LoadedFunction {
  name: string
  dir: string
  main: FunctionMain
  timer?: TimerTrigger
}

export type FunctionRegistry = Map<string, LoadedFunction>

/** What a function folder's `config.json` may say; only the timer trigger matters locally. */
interface FunctionConfig {
  triggers?: { name?: unknown; type?: unknown; config?: unknown }[]
}

/** A function name as WeChat allows it, which also keeps it a safe single path segment. */
export const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** The timer trigger declared in a function's `config.json`, if any. */
export function readTimerTrigger(configPath: string): TimerTrigger | undefined {
  if (!existsSync(configPath)) return undefined
  let config: FunctionConfig
  try {
    config = JSON.parse(readFileSync(configPath, 'utf8')) as FunctionConfig
  } catch (err) {
    throw new Error(`无法解析 ${configPath}: ${(err as Error).message}`, { cause: err })
  }
  const timers = (config.triggers ?? []).filter((t) => t?.type === 'timer')
  if (timers.length === 0) return undefined
  if (timers.length > 1) throw new Error(`${configPath}: 每个云函数只能有一个定时触发器`)
  const [trigger] = timers
  if (typeof trigger.name !== 'string' || !trigger.name) throw new Error(`${configPath}: 定时触发器缺少 name`)
  if (typeof trigger.config !== 'string' || !trigger.config.trim()) {
    throw new Error(`${configPath}: 定时触发器缺少 cron 表达式 config`)
  }
  const cron = trigger.config.trim()
  try {
    toCronerPattern(cron)
  } catch (err) {
    throw new Error(`${configPath}: ${(err as Error).message}`, { cause: err })
  }
  return { name: trigger.name, cron }
}

/**
 * Imports a function's `index.ts`. A synchronous `require` keeps one module instance per file
 * for the whole process, so the functions see the platform the local cloud installed: under tsx
 * the project's TypeScript is CommonJS, and under jest babel-jest transforms it on require.
 */
function importEntry(entry: string): FunctionMain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a function's entry, found by path at run time
  const mod = require(entry) as { main?: unknown; default?: { main?: unknown } | unknown }
  const main =
    typeof mod.main === 'function' ? mod.main : typeof mod.default === 'function' ? mod.default : (mod.default as { main?: unknown } | undefined)?.main
  if (typeof main !== 'function') throw new Error(`${entry} 没有导出 main 函数`)
  return main as FunctionMain
}

/** Discovers `<functionsDir>/<name>/index.ts` (with its `config.json`) and imports each. */
export function loadFunctions(functionsDir: string): FunctionRegistry {
  const registry: FunctionRegistry = new Map()
  if (!existsSync(functionsDir)) throw new Error(`云函数目录不存在: ${functionsDir}`)
  const names = readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && FUNCTION_NAME.test(d.name))
    .map((d) => d.name)
    .sort()
  for (const name of names) {
    const dir = path.join(functionsDir, name)
    const entry = path.join(dir, 'index.ts')
    if (!existsSync(entry)) continue
    const timer = readTimerTrigger(path.join(dir, 'config.json'))
    registry.set(name, { name, dir, main: importEntry(entry), timer })
  }
  return registry
}
