/**
 * Writes each cloud function folder's config.json and package.json from cloudfunctions/manifest.ts
 * and the ports its actions declare (`uses`), so the openapi permissions are derived, not kept by
 * hand. `--check` only reports folders whose files differ.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { MANIFEST } from '../cloudfunctions/manifest'
import { PORT_PACKAGES, PORT_PERMISSIONS, type Port } from '../server/function'

export const FUNCTIONS_DIR = path.resolve(__dirname, '..', 'cloudfunctions')

/** The wx-server-sdk version every function's package.json asks the cloud to install. */
const SDK_VERSION = '~4.0.2'
/** The versions the project itself installs: a port's packages are asked for at the same ones. */
const ROOT_DEPENDENCIES = (JSON.parse(readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
  .dependencies

export interface FolderFiles {
  'config.json': string
  'package.json': string
}

function portsOf(name: string): readonly Port[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- each function's entry, by path
  const mod = require(path.join(FUNCTIONS_DIR, name, 'index.ts')) as { uses?: readonly Port[] }
  if (!Array.isArray(mod.uses)) throw new Error(`cloudfunctions/${name}/index.ts must export the ports it uses`)
  return mod.uses
}

/** What each folder's generated files must say. */
export function generatedFiles(): Record<string, FolderFiles> {
  const out: Record<string, FolderFiles> = {}
  for (const [name, spec] of Object.entries(MANIFEST)) {
    const openapi = [...new Set(portsOf(name).flatMap((port) => PORT_PERMISSIONS[port]))].sort()
    const config = {
      permissions: { openapi },
      timeout: spec.timeout,
      ...(spec.memorySize ? { memorySize: spec.memorySize } : {}),
      ...(spec.trigger ? { triggers: [{ name: spec.trigger.name, type: 'timer', config: spec.trigger.cron }] } : {}),
    }
    const loaded = [...new Set(portsOf(name).flatMap((port) => PORT_PACKAGES[port]))].sort()
    const dependencies = { 'wx-server-sdk': SDK_VERSION, ...Object.fromEntries(loaded.map((p) => [p, ROOT_DEPENDENCIES[p]])) }
    const pkg = { name, version: '0.1.0', private: true, main: 'index.js', dependencies }
    out[name] = { 'config.json': `${JSON.stringify(config, null, 2)}\n`, 'package.json': `${JSON.stringify(pkg, null, 2)}\n` }
  }
  return out
}

/** Folder files that differ from what the manifest generates. */
export function staleFiles(): string[] {
  const stale: string[] = []
  for (const [name, files] of Object.entries(generatedFiles())) {
    for (const [file, text] of Object.entries(files)) {
      const at = path.join(FUNCTIONS_DIR, name, file)
      if (!existsSync(at) || readFileSync(at, 'utf8') !== text) stale.push(`cloudfunctions/${name}/${file}`)
    }
  }
  return stale
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles()
    for (const file of stale) console.log(`${file} 与 manifest 不一致：运行 npm run gen:functions`)
    process.exit(stale.length ? 1 : 0)
  }
  for (const [name, files] of Object.entries(generatedFiles())) {
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(FUNCTIONS_DIR, name, file), text)
  }
  console.log(`已生成 ${Object.keys(MANIFEST).length} 个云函数的 config.json 与 package.json`)
}
