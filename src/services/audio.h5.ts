import { AUDIO_ERROR, type CreateAudioPlayer } from './audio-player'

/** An HTML audio element; it plays while the browser tab is open. */
export const createAudioPlayer: CreateAudioPlayer = (track, events) => {
  const audio = new Audio()
  audio.preload = 'none'
  audio.src = track.src
  audio.title = track.title
  // The default playback start position: taken when the audio loads on the first play.
  if (track.startAt) audio.currentTime = track.startAt
  const listeners: [string, () => void][] = [
    ['play', events.onPlay],
    ['pause', events.onPause],
    ['ended', events.onEnded],
    ['error', () => events.onError(AUDIO_ERROR)],
    ['timeupdate', () => events.onTime(audio.currentTime)],
  ]
  for (const [name, listener] of listeners) audio.addEventListener(name, listener)
  return {
    play() {
      // A refused play (no network, autoplay rules) also fires `error` or leaves it paused.
      void Promise.resolve(audio.play()).catch(() => events.onError(AUDIO_ERROR))
    },
    pause: () => audio.pause(),
    setRate(rate) {
      audio.playbackRate = rate
    },
    destroy() {
      for (const [name, listener] of listeners) audio.removeEventListener(name, listener)
      if (!audio.paused) audio.pause()
      audio.removeAttribute('src')
    },
  }
}
