/**
 * `npm run deploy`: uploads the built mini-program and every cloud function with miniprogram-ci,
 * Tencent's own CI (run through npx, fetched on first use: it is some 275 MB, too much to install
 * for everyone who never deploys). `npm run deploy -- --dry-run` checks what an upload needs and
 * prints the commands without running them. Run after `npm run build` and `npm run deploy:check`.
 *
 * Needs WEAPP_APPID (or an appid in project.config.json other than touristappid), UPLOAD_KEY (the
 * code upload key file: mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传) and CLOUD_ENV; optional
 * DEPLOY_VERSION (package.json's version) and DEPLOY_DESC. miniprogram-ci uploads code only: the
 * timer triggers are uploaded from DevTools (上传触发器), as the README's deploy guide says.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { MANIFEST } from '../cloudfunctions/manifest'

const CI_PACKAGE = 'miniprogram-ci@2.1.42'
const ROOT = path.resolve(__dirname, '..')

interface DeployPlan {
  /** What is missing, a line each (nothing is uploaded while any is). */
  problems: string[]
  /** miniprogram-ci's arguments, one upload each: the mini-program, then each function. */
  uploads: string[][]
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>

/** The uploads `env` asks for, or what stops them. */
function deployPlan(env: NodeJS.ProcessEnv): DeployPlan {
  const problems: string[] = []
  const appid = env.WEAPP_APPID || String(readJson('project.config.json').appid ?? '')
  if (!appid || appid === 'touristappid') problems.push('没有小程序 AppID：设置 WEAPP_APPID，或改 project.config.json 的 appid')
  const key = env.UPLOAD_KEY
  if (!key) problems.push('没有代码上传密钥：在「开发管理 → 开发设置 → 小程序代码上传」生成后，设置 UPLOAD_KEY 为密钥文件的路径')
  else if (!existsSync(key)) problems.push(`代码上传密钥文件不存在：${key}`)
  const cloudEnv = env.CLOUD_ENV
  if (!cloudEnv) problems.push('没有云开发环境：设置 CLOUD_ENV 为环境 ID（与构建时相同）')
  if (!existsSync(path.join(ROOT, 'dist/weapp/app.json'))) problems.push('没有小程序构建结果 dist/weapp（先运行 npm run build）')
  const names = Object.keys(MANIFEST)
  for (const name of names) {
    if (!existsSync(path.join(ROOT, 'dist/cloudfunctions', name, 'index.js'))) problems.push(`没有云函数 ${name} 的打包结果（先运行 npm run build）`)
  }
  const version = env.DEPLOY_VERSION || String(readJson('package.json').version)
  const project = ['--appid', appid, '--pp', 'dist/weapp', '--pkp', key ?? '']
  const uploads = [
    ['upload', ...project, '--uv', version, '--ud', env.DEPLOY_DESC || `学习圈 ${version}`, '-r', '1'],
    // Dependencies are installed in the cloud (云端安装依赖): the folder holds the bundle and package.json.
    ...names.map((name) => [
      'cloud',
      'functions',
      'upload',
      ...project,
      '--env',
      cloudEnv ?? '',
      '--name',
      name,
      '--path',
      `dist/cloudfunctions/${name}`,
      '--rnpm',
    ]),
  ]
  return { problems, uploads }
}

function main(): number {
  const dryRun = process.argv.includes('--dry-run')
  const { problems, uploads } = deployPlan(process.env)
  if (problems.length > 0) {
    for (const p of problems) console.error(p)
    return 2
  }
  for (const args of uploads) {
    console.log(`npx --yes ${CI_PACKAGE} ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`)
    if (dryRun) continue
    const { status } = spawnSync('npx', ['--yes', CI_PACKAGE, ...args], { cwd: ROOT, stdio: 'inherit' })
    if (status !== 0) {
      console.error(`上传失败（${args[0] === 'upload' ? '小程序' : args[args.indexOf('--name') + 1]}），后面的没有上传`)
      return 1
    }
  }
  console.log(dryRun ? `（演练：以上 ${uploads.length} 个上传没有执行）` : `已上传小程序和 ${uploads.length - 1} 个云函数；定时触发器请在开发者工具里上传`)
  return 0
}

process.exitCode = main()
