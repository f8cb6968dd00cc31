/**
 * WAV (RIFF PCM) recordings, as both speech engines give them: read one's format and samples, and
 * join several of one format into one file, knowing where each begins.
 */
export interface Pcm {
  /** The `fmt ` chunk as it was: channels, rate, bits. */
  format: Buffer
  sampleRate: number
  bytesPerSecond: number
  data: Buffer
}

export function readWav(file: Buffer): Pcm {
  if (file.toString('latin1', 0, 4) !== 'RIFF' || file.toString('latin1', 8, 12) !== 'WAVE') throw new Error('not a WAV file')
  let format: Buffer | undefined
  let offset = 12
  while (offset + 8 <= file.length) {
    const id = file.toString('latin1', offset, offset + 4)
    // A streamed file (espeak-ng --stdout) leaves the data size unknown: the data runs to the end.
    const size = Math.min(file.readUInt32LE(offset + 4), file.length - offset - 8)
    const body = file.subarray(offset + 8, offset + 8 + size)
    if (id === 'fmt ') format = body
    if (id === 'data') {
      if (!format || format.readUInt16LE(0) !== 1) throw new Error('not a PCM WAV file')
      return { format, sampleRate: format.readUInt32LE(4), bytesPerSecond: format.readUInt32LE(8), data: body }
    }
    offset += 8 + size + (size % 2)
  }
  throw new Error('a WAV file without data')
}

/**
 * 16-bit mono at half the sample rate, each sample the mean of two: speech loses nothing it needs
 * (its sounds lie below the new limit) and the file half its size.
 */
export function halfRate(pcm: Pcm): Pcm {
  const bits = pcm.format.readUInt16LE(14)
  if (pcm.format.readUInt16LE(2) !== 1 || bits !== 16) throw new Error('only 16-bit mono is halved')
  const samples = Math.floor(pcm.data.length / 4)
  const data = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++) data.writeInt16LE((pcm.data.readInt16LE(i * 4) + pcm.data.readInt16LE(i * 4 + 2)) >> 1, i * 2)
  const format = Buffer.from(pcm.format)
  format.writeUInt32LE(pcm.sampleRate / 2, 4)
  format.writeUInt32LE(pcm.bytesPerSecond / 2, 8)
  return { format, sampleRate: pcm.sampleRate / 2, bytesPerSecond: pcm.bytesPerSecond / 2, data }
}

/** The recordings one after another, with the second each begins at. */
export function joinWavs(parts: readonly Pcm[]): { file: Buffer; seconds: number; starts: number[] } {
  if (parts.length === 0) throw new Error('nothing to join')
  const format = parts[0].format
  if (parts.some((p) => !p.format.equals(format))) throw new Error('recordings of different formats')
  const starts: number[] = []
  let bytes = 0
  for (const p of parts) {
    starts.push(Math.round((bytes / p.bytesPerSecond) * 1000) / 1000)
    bytes += p.data.length
  }
  const header = Buffer.alloc(12 + 8 + format.length + 8)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(header.length - 8 + bytes, 4)
  header.write('WAVE', 8, 'latin1')
  header.write('fmt ', 12, 'latin1')
  header.writeUInt32LE(format.length, 16)
  format.copy(header, 20)
  header.write('data', 20 + format.length, 'latin1')
  header.writeUInt32LE(bytes, 24 + format.length)
  return { file: Buffer.concat([header, ...parts.map((p) => p.data)]), seconds: bytes / parts[0].bytesPerSecond, starts }
}
