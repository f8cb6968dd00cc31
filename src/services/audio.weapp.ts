import Taro from '@tarojs/taro'
import { AUDIO_ERROR, type CreateAudioPlayer } from './audio-player'

/**
 * WeChat's background audio manager (needs `requiredBackgroundModes: ['audio']` in app.config):
 * one player for the whole app, which starts playing when given a `src`.
 */
export const createAudioPlayer: CreateAudioPlayer = (track, events) => {
  const manager = Taro.getBackgroundAudioManager()
  let active = true
  let started = false
  let rate = 1
  const guard = (handler: () => void) => () => {
    if (active) handler()
  }
  manager.onPlay(guard(events.onPlay))
  manager.onPause(guard(events.onPause))
  manager.onStop(guard(events.onPause))
  manager.onEnded(guard(events.onEnded))
  manager.onError(guard(() => events.onError(AUDIO_ERROR)))
  manager.onTimeUpdate(guard(() => events.onTime(manager.currentTime)))
  return {
    play() {
      if (started) return manager.play()
      started = true
      manager.title = track.title
      manager.epname = track.subtitle
      manager.singer = track.subtitle
      manager.playbackRate = rate
      if (track.startAt) manager.startTime = track.startAt
      manager.src = track.src
    },
    pause: () => manager.pause(),
    setRate(next) {
      rate = next
      manager.playbackRate = next
    },
    destroy() {
      active = false
      if (started) manager.stop()
    },
  }
}
