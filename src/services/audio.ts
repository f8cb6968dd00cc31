import type { CreateAudioPlayer } from './audio-player'

/**
 * Listening (收听). Taro picks `audio.weapp.ts` (WeChat's background audio: it keeps playing with
 * the screen off or the app in the background) or `audio.h5.ts` (an HTML audio element) at build
 * time; this neutral file refuses on other platforms.
 */
export const createAudioPlayer: CreateAudioPlayer = () => {
  throw new Error('当前平台不支持收听')
}
