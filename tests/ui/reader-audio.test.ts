// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import { backgroundAudio } from '../support/taro-double'
import { createAudioPlayer } from '../../src/services/audio.weapp'

/** The mini-program's listen mode: WeChat's background audio manager. */
const track = { src: 'https://example.com/c3.mp3', title: '第三章 坚持学习', subtitle: '学习的方法' }

function events() {
  return { onPlay: jest.fn(), onPause: jest.fn(), onEnded: jest.fn(), onError: jest.fn(), onTime: jest.fn() }
}

beforeEach(() => {
  Object.assign(backgroundAudio, { src: '', title: '', epname: '', singer: '', playbackRate: 1, startTime: 0, currentTime: 0 })
  backgroundAudio.handlers.clear()
  for (const fn of [backgroundAudio.play, backgroundAudio.pause, backgroundAudio.stop]) fn.mockClear()
})

test('the first play hands the track to the background player, named for the lock screen, at the chosen speed', () => {
  const player = createAudioPlayer(track, events())
  player.setRate(1.25)
  expect(backgroundAudio.src).toBe('')
  player.play()
  expect(backgroundAudio).toMatchObject({ src: track.src, title: '第三章 坚持学习', epname: '学习的方法', singer: '学习的方法', playbackRate: 1.25 })
  player.pause()
  expect(backgroundAudio.pause).toHaveBeenCalledTimes(1)
  player.play()
  expect(backgroundAudio.play).toHaveBeenCalledTimes(1)
  player.setRate(2)
  expect(backgroundAudio.playbackRate).toBe(2)
})

test('reports playing, pausing, stopping from the system player, the end and errors', () => {
  const on = events()
  createAudioPlayer(track, on).play()
  backgroundAudio.emit('play')
  backgroundAudio.emit('pause')
  backgroundAudio.emit('stop')
  backgroundAudio.emit('ended')
  backgroundAudio.emit('error')
  expect(on.onPlay).toHaveBeenCalledTimes(1)
  expect(on.onPause).toHaveBeenCalledTimes(2)
  expect(on.onEnded).toHaveBeenCalledTimes(1)
  expect(on.onError).toHaveBeenCalledWith('音频播放失败，请检查网络后重试')
})

test('closing the page stops the sound, and later events reach nobody', () => {
  const on = events()
  const player = createAudioPlayer(track, on)
  player.play()
  player.destroy()
  expect(backgroundAudio.stop).toHaveBeenCalledTimes(1)
  backgroundAudio.emit('pause')
  expect(on.onPause).not.toHaveBeenCalled()
})

test('a player never played stops nothing when closed (another page may be playing)', () => {
  createAudioPlayer(track, events()).destroy()
  expect(backgroundAudio.stop).not.toHaveBeenCalled()
})

test('resumes where the member stopped, and reports where playing has got to', () => {
  const on = events()
  createAudioPlayer({ ...track, startAt: 42.5 }, on).play()
  expect(backgroundAudio.startTime).toBe(42.5)
  backgroundAudio.currentTime = 43.2
  backgroundAudio.emit('timeUpdate')
  expect(on.onTime).toHaveBeenCalledWith(43.2)
})
