/** The shape of the platform audio players (audio.ts and its platform files). */
export interface AudioEvents {
  onPlay(): void
  onPause(): void
  /** Played to its end. */
  onEnded(): void
  onError(message: string): void
  /** Where playing has got to, in seconds: a few times a second while it plays. */
  onTime(seconds: number): void
}

export interface AudioPlayer {
  play(): void
  pause(): void
  /** 0.8, 1 or 1.25: the speeds the reader offers. */
  setRate(rate: number): void
  /** Stops the sound and forgets the handlers (the page closed). */
  destroy(): void
}

export interface AudioTrack {
  src: string
  /** Shown by the system's player (lock screen, notification bar). */
  title: string
  /** The book, or the article's source. */
  subtitle: string
  /** Seconds in to begin at: where the member stopped last time. */
  startAt?: number
}

export type CreateAudioPlayer = (track: AudioTrack, events: AudioEvents) => AudioPlayer

export const AUDIO_ERROR = '音频播放失败，请检查网络后重试'
