import { randomUUID } from 'node:crypto'
import cloud from 'wx-server-sdk'
import { sentenceSpeech, type Speech } from './speech'
import { readWav } from './wav'

/** One sentence to WAV bytes: Tencent Cloud TTS's TextToVoice, or a stand-in in tests. */
export type TextToWav = (text: string) => Promise<Buffer>

/**
 * The cloud engine: Tencent Cloud text-to-speech (its official Node SDK), a sentence a request
 * (at most 150 characters each), 16 kHz WAV joined into one file in cloud storage under `speech/`.
 * Configured by TTS_SECRET_ID and TTS_SECRET_KEY (a sub-account allowed only TTS), with TTS_REGION
 * (ap-shanghai) and TTS_VOICE_TYPE (101001, a standard Mandarin voice); without them, undefined.
 */
export function tencentSpeechFromEnv(env = process.env): Speech | undefined {
  const { TTS_SECRET_ID: secretId, TTS_SECRET_KEY: secretKey } = env
  if (!secretId || !secretKey) return undefined
  const voiceType = Number(env.TTS_VOICE_TYPE ?? 101001)
  const textToWav: TextToWav = async (text) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, installed only where the speech port is declared
    const { tts } = require('tencentcloud-sdk-nodejs-tts') as typeof import('tencentcloud-sdk-nodejs-tts')
    const client = new tts.v20190823.Client({ credential: { secretId, secretKey }, region: env.TTS_REGION ?? 'ap-shanghai' })
    const { Audio } = await client.TextToVoice({ Text: text, SessionId: randomUUID(), VoiceType: voiceType, Codec: 'wav', SampleRate: 16000 })
    if (!Audio) throw new Error('语音合成没有返回音频')
    return Buffer.from(Audio, 'base64')
  }
  return tencentSpeech(`tencent/${voiceType}`, textToWav, async (cloudPath, bytes) => (await cloud.uploadFile({ cloudPath, fileContent: bytes })).fileID)
}

/** The engine over a sentence synthesiser and a store that answers a file's ID (the mini-program plays cloud file IDs). */
export const tencentSpeech = (voice: string, textToWav: TextToWav, upload: (cloudPath: string, bytes: Buffer) => Promise<string>): Speech =>
  sentenceSpeech(
    voice,
    async (sentence) => readWav(await textToWav(sentence)),
    (key, file) => upload(`speech/${key}.wav`, file),
  )
