/**
 * Line framing shared by journals and snapshots: `<crc32 as 8 hex> <payload>\n`.
 * The payload is a single line of JSON; the checksum covers its UTF-8 bytes.
 */
import * as zlib from 'node:zlib'

let table: Uint32Array | undefined

function crc32Fallback(buf: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < buf.length; i++) crc = table[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32

export function crc32(buf: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(buf) >>> 0 : crc32Fallback(buf)
}

const NEWLINE = 0x0a
const SPACE = 0x20

/** Frames one payload (which must not contain a newline; JSON.stringify never emits one). */
export function frameLine(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8')
  const out = Buffer.allocUnsafe(body.length + 10)
  out.write(crc32(body).toString(16).padStart(8, '0'), 0, 'latin1')
  out[8] = SPACE
  body.copy(out, 9)
  out[out.length - 1] = NEWLINE
  return out
}

export interface ScannedLine {
  /** Byte offset of the first byte of the line. */
  start: number
  payload: string
}

export interface ScanResult {
  lines: ScannedLine[]
  /** Length of the valid prefix: every byte after it belongs to a torn or corrupt line. */
  validLength: number
}

const HEX = /^[0-9a-f]{8}$/

/** Splits a framed buffer into verified lines, stopping at the first torn or corrupt line. */
export function scanLines(buf: Buffer): ScanResult {
  const lines: ScannedLine[] = []
  let pos = 0
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos)
    if (nl === -1 || nl - pos < 10 || buf[pos + 8] !== SPACE) break
    const crcText = buf.toString('latin1', pos, pos + 8)
    if (!HEX.test(crcText)) break
    const body = buf.subarray(pos + 9, nl)
    if (crc32(body) !== parseInt(crcText, 16)) break
    lines.push({ start: pos, payload: body.toString('utf8') })
    pos = nl + 1
  }
  return { lines, validLength: pos }
}
