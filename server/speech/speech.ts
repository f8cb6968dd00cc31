import { joinWavs, type Pcm } from './wav'

/**
 * 听全文: speech synthesised for every article and chapter, so every member can listen to every
 * text, with or without a recorded audio file. The engine is a port: Tencent Cloud TTS in the cloud
 * (server/speech/tencent.ts), espeak-ng's Mandarin voice in the local cloud (server/speech/espeak.ts).
 */
export interface Recording {
  /** Where the reader plays it: a cloud file ID, or a path of the local cloud. */
  url: string
  seconds: number
  /** The second each sentence begins at, in order. */
  cues: number[]
}

export interface Speech {
  /** The engine and voice: part of every recording's key, so another voice makes new recordings. */
  readonly voice: string
  /** Reads `sentences` in order into one recording kept under `key` (the same key, the same recording). */
  record(key: string, sentences: readonly string[]): Promise<Recording>
}

/**
 * An engine that speaks one sentence at a time: the sentences in order, joined into one WAV with
 * the second each begins at, stored under the recording's key (answering where it is played from).
 */
export function sentenceSpeech(voice: string, speak: (sentence: string) => Promise<Pcm>, store: (key: string, file: Buffer) => Promise<string>): Speech {
  return {
    voice,
    async record(key, sentences) {
      const parts: Pcm[] = []
      for (const sentence of sentences) parts.push(await speak(sentence))
      const { file, seconds, starts } = joinWavs(parts)
      return { url: await store(key, file), seconds: Math.round(seconds * 10) / 10, cues: starts }
    },
  }
}
