/**
 * Bundles each cloud function with the shared server code into a folder WeChat DevTools uploads
 * as it is: dist/cloudfunctions/<name>/{index.js, package.json, config.json}. `wx-server-sdk` and the
 * packages a port loads on first use (PORT_PACKAGES) stay external: the cloud installs them from the
 * function's package.json.
 */
import { build } from 'esbuild'
import { copyFile, mkdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { MANIFEST } from '../cloudfunctions/manifest'
import { PORT_PACKAGES } from '../server/function'

const root = path.resolve(__dirname, '..')
const sourceRoot = path.join(root, 'cloudfunctions')
const outRoot = path.join(root, 'dist', 'cloudfunctions')

async function buildOne(name: string): Promise<number> {
  const src = path.join(sourceRoot, name)
  const out = path.join(outRoot, name)
  await mkdir(out, { recursive: true })
  await build({
    entryPoints: [path.join(src, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk', ...new Set(Object.values(PORT_PACKAGES).flat())],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
  await copyFile(path.join(src, 'package.json'), path.join(out, 'package.json'))
  await copyFile(path.join(src, 'config.json'), path.join(out, 'config.json'))
  return (await stat(path.join(out, 'index.js'))).size
}

async function main() {
  await rm(outRoot, { recursive: true, force: true })
  for (const name of Object.keys(MANIFEST).sort()) {
    const size = await buildOne(name)
    console.log(`${name.padEnd(24)} ${(size / 1024).toFixed(1)} KiB`)
  }
  console.log(`云函数已打包到 ${path.relative(root, outRoot)}/`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
