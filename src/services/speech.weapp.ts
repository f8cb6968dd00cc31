import { createAudioPlayer } from './audio.weapp'
import type { AudioPlayer } from './audio-player'
import { SPEECH_ERROR, type CreateSpeechPlayer } from './speech-player'

/** WeChat's 同声传译 plugin: a sentence in, the address of its recording out (valid for hours). */
interface WechatSI {
  textToSpeech(options: { lang: 'zh_CN'; tts: true; content: string; success(res: { filename: string }): void; fail(err: unknown): void }): void
}

declare const requirePlugin: (name: string) => unknown

const synthesize = (plugin: WechatSI, content: string) =>
  new Promise<string>((resolve, reject) => plugin.textToSpeech({ lang: 'zh_CN', tts: true, content, success: (res) => resolve(res.filename), fail: reject }))

/**
 * WeChat's 同声传译 plugin turns each sentence into a recording, which the background audio manager
 * plays (so it goes on with the screen off), sentence after sentence. Only in a build made with the
 * plugin (`WECHAT_SI=1`, once it is added in the mini-program's admin console, see README):
 * a mini-program declaring a plugin it may not use does not start.
 */
export const createSpeechPlayer: CreateSpeechPlayer | null = WECHAT_SI
  ? ({ sentences, title, subtitle }, startAt, events) => {
      let plugin: WechatSI | null = null
      let index = startAt
      let rate = 1
      let wanted = false
      let closed = false
      /** Each speak() is a turn: one that a pause or a later play overtook does nothing when its recording comes. */
      let turn = 0
      /** The current sentence's recording, once made. */
      let player: AudioPlayer | null = null
      async function speak() {
        if (index >= sentences.length) return events.onEnded()
        const mine = ++turn
        events.onTime(index)
        let src: string
        try {
          plugin ??= requirePlugin('WechatSI') as WechatSI
          src = await synthesize(plugin, sentences[index])
        } catch {
          if (closed || !wanted || mine !== turn) return
          wanted = false
          return events.onError(SPEECH_ERROR)
        }
        if (closed || !wanted || mine !== turn) return
        player?.destroy()
        player = createAudioPlayer(
          { src, title, subtitle },
          {
            onPlay: events.onPlay,
            onPause: events.onPause,
            onError: events.onError,
            onTime: () => undefined,
            onEnded() {
              player = null
              index += 1
              void speak()
            },
          },
        )
        player.setRate(rate)
        player.play()
      }
      return {
        play() {
          wanted = true
          if (player) return player.play()
          events.onPlay()
          void speak()
        },
        pause() {
          wanted = false
          if (player) return player.pause()
          turn += 1
          events.onPause()
        },
        setRate(next) {
          rate = next
          player?.setRate(next)
        },
        destroy() {
          closed = true
          player?.destroy()
        },
      }
    }
  : null
