import { existsSync } from 'node:fs'
import path from 'node:path'
import { StoreLockedError } from './store'
import { parseInstant } from './http'
import { DEFAULT_STATIC_DIR, isLoopback, PROJECT_ROOT, startLocalCloud } from './index'

/**
 * `npm start`: the local cloud on http://localhost:PORT (default 8787), data in DATA_DIR
 * (default .data), CLOCK=<ISO instant> to fix the clock, HOST to listen elsewhere than 127.0.0.1
 * (then LOCAL_PASSPHRASE, asked for at sign-in, is required), FUNCTIONS_DIR and STATIC_DIR to serve
 * other functions or another build.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT || 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效: ${process.env.PORT}`)
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'))
  let now: Date | undefined
  if (process.env.CLOCK) {
    now = parseInstant(process.env.CLOCK)
    if (!now) throw new Error(`CLOCK 应为带时区的 ISO 时间，例如 2026-11-23T00:00:00Z，实际为: ${process.env.CLOCK}`)
  }

  const functionsDir = process.env.FUNCTIONS_DIR ? path.resolve(process.env.FUNCTIONS_DIR) : undefined
  const staticDir = path.resolve(process.env.STATIC_DIR || DEFAULT_STATIC_DIR)
  const host = process.env.HOST || undefined
  const passphrase = process.env.LOCAL_PASSPHRASE || undefined
  if (!isLoopback(host) && (!passphrase || passphrase.length < 8)) {
    throw new Error(`HOST=${host} 让本机以外的人也能访问本地云：请同时设置至少 8 位的 LOCAL_PASSPHRASE，登录时要输入它`)
  }
  const cloud = await startLocalCloud({ dataDir, port, now, functionsDir, staticDir, host, passphrase })

  console.log(`学习圈本地云已启动: http://localhost:${cloud.port}`)
  console.log(`数据目录: ${dataDir}`)
  if (cloud.seed.seeded) {
    console.log(
      `已写入演示数据: ${cloud.seed.units} 个组织、${cloud.seed.members} 名成员、${cloud.seed.invitations} 个邀请码、${cloud.seed.articles} 篇文章、${cloud.seed.books} 本书`,
    )
  }
  console.log(`云函数: ${[...cloud.functions.keys()].join('、') || '（无）'}`)
  if (cloud.clock.isFixed()) console.log(`时钟已固定: ${cloud.clock.now().toISOString()}（定时触发器不会按真实时间运行）`)
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    console.warn(`找不到前端构建 ${staticDir}：先运行 npm run build:h5`)
  }
  console.log(`本地演示登录: http://localhost:${cloud.port}/local/signin`)

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`收到 ${signal}，正在关闭本地云…`)
    cloud.stop().then(
      () => process.exit(0),
      (err) => {
        console.error('关闭本地云时出错:', err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((err) => {
  console.error('学习圈本地云启动失败:', explain(err))
  process.exit(1)
})

function explain(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  if (err instanceof StoreLockedError) {
    return `数据目录已被另一个进程（pid ${err.pid}）打开，本地云可能已经在运行。\n${err.message}`
  }
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return `端口已被占用，可以用 PORT=<端口> npm start 换一个端口。\n${err.message}`
  }
  // Our own errors say what to do; anything else (a function failing to load) needs its stack.
  return /[\u4e00-\u9fa5]/.test(err.message) ? err.message : err.stack
}
