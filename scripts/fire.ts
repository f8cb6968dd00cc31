import path from 'node:path'
import { parseInstant } from '../local-cloud/http'
import { fireOnce, PROJECT_ROOT } from '../local-cloud/index'

/**
 * `npm run fire -- NAME`: runs a timer function now. Asks the running local cloud
 * (http://localhost:PORT) when there is one; otherwise opens DATA_DIR itself and runs it here
 * (FUNCTIONS_DIR and CLOCK as for `npm start`).
 */
async function main(): Promise<number> {
  const name = process.argv[2]
  if (!name) {
    console.error('用法: npm run fire -- <云函数名>')
    return 2
  }
  const port = Number(process.env.PORT || 8787)
  const url = `http://localhost:${port}/local/timers/${encodeURIComponent(name)}/fire`

  let response: Response | undefined
  try {
    response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(120_000) })
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code
    if (code !== 'ECONNREFUSED') throw err
  }

  if (response) {
    const text = await response.text()
    if (response.ok) console.log(`已由本地云运行 ${name}（端口 ${port}）`)
    else console.error(`本地云（端口 ${port}）没有运行 ${name}，HTTP ${response.status}:`)
    print(text)
    return response.ok ? 0 : 1
  }

  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'))
  let now: Date | undefined
  if (process.env.CLOCK) {
    now = parseInstant(process.env.CLOCK)
    if (!now) throw new Error(`CLOCK 应为带时区的 ISO 时间，实际为: ${process.env.CLOCK}`)
  }
  console.log(`本地云没有运行，直接打开数据目录 ${dataDir} 运行 ${name}`)
  const functionsDir = process.env.FUNCTIONS_DIR ? path.resolve(process.env.FUNCTIONS_DIR) : undefined
  const result = await fireOnce({ dataDir, name, now, functionsDir })
  console.log(JSON.stringify(result, null, 2))
  return 0
}

function print(text: string): void {
  try {
    console.log(JSON.stringify(JSON.parse(text), null, 2))
  } catch {
    console.log(text)
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('运行失败:', err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
