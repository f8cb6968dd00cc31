import type { CreateSpeechPlayer } from './speech-player'

/**
 * The phone reading a text aloud, for texts with no recording (听全文 not configured on the server,
 * or not recorded yet). Taro picks `speech.h5.ts` (the browser's speechSynthesis) or
 * `speech.weapp.ts` (WeChat's 同声传译 plugin) at build time; elsewhere there is none.
 */
export const createSpeechPlayer: CreateSpeechPlayer | null = null
