import type { AudioEvents, AudioPlayer } from './audio-player'

/** A text the phone reads aloud, sentence by sentence (`spokenSentences`, types/speech.ts). */
export interface SpokenText {
  sentences: string[]
  /** Shown by the system's player (lock screen, notification bar). */
  title: string
  subtitle: string
}

/**
 * Reads `text` aloud from sentence `startAt`, with the audio players' controls and events, except
 * that `onTime` reports the sentence being read (its index), not seconds.
 */
export type CreateSpeechPlayer = (text: SpokenText, startAt: number, events: AudioEvents) => AudioPlayer

export const SPEECH_ERROR = '朗读失败，请稍后重试'
