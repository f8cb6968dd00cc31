/**
 * Draws the tab bar icons (81×81 PNGs, WeChat's recommended size) into src/assets/tabbar/:
 * plain filled shapes, grey and the accent red for the selected tab.
 * Run with `npx tsx scripts/tab-icons.ts`; the PNGs are committed.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const SIZE = 81
const SAMPLES = 4 // supersampling per axis, for smooth edges
const COLORS = { normal: [0x8a, 0x7f, 0x76], active: [0xa8, 0x20, 0x1a] } as const

type Shape = (x: number, y: number) => boolean

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y)
/** Convex polygon, points in order. */
const polygon =
  (points: [number, number][]): Shape =>
  (x, y) => {
    let sign = 0
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i]
      const [bx, by] = points[(i + 1) % points.length]
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
      if (cross !== 0) {
        if (sign === 0) sign = Math.sign(cross)
        else if (Math.sign(cross) !== sign) return false
      }
    }
    return true
  }
/** Upper half of an ellipse standing on y = base: shoulders. */
const shoulders =
  (cx: number, base: number, rx: number, ry: number): Shape =>
  (x, y) =>
    y <= base && ((x - cx) / rx) ** 2 + ((y - base) / ry) ** 2 <= 1

const ICONS: Record<string, Shape> = {
  home: minus(
    union(
      polygon([
        [40.5, 8],
        [76, 40],
        [5, 40],
      ]),
      rect(15, 38, 66, 72),
    ),
    rect(33, 50, 48, 72),
  ),
  study: union(
    polygon([
      [6, 16],
      [38, 22],
      [38, 72],
      [6, 64],
    ]),
    polygon([
      [43, 22],
      [75, 16],
      [75, 64],
      [43, 72],
    ]),
  ),
  group: union(
    circle(40.5, 22, 11),
    shoulders(40.5, 70, 20, 30),
    circle(17, 30, 8.5),
    shoulders(17, 70, 14, 24),
    circle(64, 30, 8.5),
    shoulders(64, 70, 14, 24),
  ),
  me: union(circle(40.5, 24, 15), shoulders(40.5, 74, 28, 30)),
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

function png(shape: Shape, [r, g, b]: readonly number[]): Buffer {
  const rows = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1)
    rows[row] = 0 // no filter
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) for (let sx = 0; sx < SAMPLES; sx++) if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++
      const i = row + 1 + x * 4
      rows[i] = r
      rows[i + 1] = g
      rows[i + 2] = b
      rows[i + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const outDir = path.resolve(__dirname, '../src/assets/tabbar')
fs.mkdirSync(outDir, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(outDir, `${name}.png`), png(shape, COLORS.normal))
  fs.writeFileSync(path.join(outDir, `${name}-active.png`), png(shape, COLORS.active))
}
console.log(`tab bar icons written to ${path.relative(process.cwd(), outDir)}`)
