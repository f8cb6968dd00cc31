import { execFile } from 'node:child_process'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { sentenceSpeech, type Speech } from './speech'
import { halfRate, readWav } from './wav'

const run = promisify(execFile)

/** Where the local cloud serves recordings from its data directory. */
export const LOCAL_SPEECH_PATH = '/local/speech/'

/**
 * The local engine: Debian's espeak-ng with its Mandarin voice (`apt-get install -y espeak-ng`), a
 * sentence at a time, joined into one WAV under `<dir>/<key>.wav`. Robotic, but the whole path —
 * synthesis, storage, playing, highlighting, credit — runs and is tested on this machine.
 */
export function espeakSpeech(dir: string, command = 'espeak-ng'): Speech {
  async function speak(sentence: string) {
    try {
      const { stdout } = await run(command, ['-v', 'cmn', '-s', '150', '--stdout', sentence], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
      // espeak-ng speaks at 22,050 Hz: half that is plenty for a voice, at half the size.
      return halfRate(readWav(stdout))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`没有找到 ${command}：运行 apt-get install -y espeak-ng`, { cause: err })
      throw err
    }
  }
  async function store(key: string, file: Buffer) {
    await mkdir(dir, { recursive: true })
    const target = path.join(dir, `${key}.wav`)
    // Whole or not at all: a stop mid-write leaves only the temporary file.
    await writeFile(`${target}.part`, file)
    await rename(`${target}.part`, target)
    return `${LOCAL_SPEECH_PATH}${key}.wav`
  }
  return sentenceSpeech('espeak-ng/cmn/150/11025', speak, store)
}
