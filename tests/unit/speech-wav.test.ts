import { halfRate, joinWavs, readWav } from '../../server/speech/wav'
import { tencentSpeech } from '../../server/speech/tencent'

/** A PCM WAV of `seconds` of silence at 16 kHz, 16-bit mono; `streamed`: the sizes left unknown, as espeak-ng --stdout writes them. */
function wav(seconds: number, streamed = false): Buffer {
  const data = Buffer.alloc(Math.round(seconds * 16000) * 2)
  const head = Buffer.alloc(44)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(streamed ? 0xffffffff : 36 + data.length, 4)
  head.write('WAVEfmt ', 8, 'latin1')
  head.writeUInt32LE(16, 16)
  head.writeUInt16LE(1, 20)
  head.writeUInt16LE(1, 22)
  head.writeUInt32LE(16000, 24)
  head.writeUInt32LE(32000, 28)
  head.writeUInt16LE(2, 32)
  head.writeUInt16LE(16, 34)
  head.write('data', 36, 'latin1')
  head.writeUInt32LE(streamed ? 0xffffffff : data.length, 40)
  return Buffer.concat([head, data])
}

test('recordings join into one file that knows where each began', () => {
  const joined = joinWavs([readWav(wav(1.5)), readWav(wav(0.25, true)), readWav(wav(2))])
  expect(joined.starts).toEqual([0, 1.5, 1.75])
  expect(joined.seconds).toBe(3.75)
  const back = readWav(joined.file)
  expect(back.sampleRate).toBe(16000)
  expect(back.data.length).toBe(3.75 * 32000)
  expect(joined.file.readUInt32LE(4)).toBe(joined.file.length - 8)
})

test('what is not a PCM WAV is refused', () => {
  expect(() => readWav(Buffer.from('ID3 an mp3'))).toThrow('not a WAV file')
})

test('the cloud engine reads sentence by sentence and stores one recording under speech/', async () => {
  const asked: string[] = []
  const stored: { path: string; bytes: number }[] = []
  const speech = tencentSpeech(
    'tencent/101001',
    async (text) => (asked.push(text), wav(text.length * 0.2)),
    async (cloudPath, bytes) => (stored.push({ path: cloudPath, bytes: bytes.length }), `cloud://env/${cloudPath}`),
  )
  const recording = await speech.record('k1', ['学习的方法', '读原著要慢下来。'])
  expect(asked).toEqual(['学习的方法', '读原著要慢下来。'])
  expect(recording).toEqual({ url: 'cloud://env/speech/k1.wav', seconds: 2.6, cues: [0, 1] })
  expect(stored).toEqual([{ path: 'speech/k1.wav', bytes: 44 + 2.6 * 32000 }])
})

test('a recording at half the rate keeps its length and the mean of each pair of samples', () => {
  const pcm = readWav(wav(0.5))
  pcm.data.writeInt16LE(1000, 0)
  pcm.data.writeInt16LE(3000, 2)
  const half = halfRate(pcm)
  expect(half.sampleRate).toBe(8000)
  expect(half.data.length / half.bytesPerSecond).toBe(0.5)
  expect(half.data.readInt16LE(0)).toBe(2000)
  expect(readWav(joinWavs([half]).file).sampleRate).toBe(8000)
})
