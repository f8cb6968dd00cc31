// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import { backgroundAudio } from '../support/taro-double'
import type { AudioEvents } from '../../src/services/audio-player'
import type { CreateSpeechPlayer } from '../../src/services/speech-player'

/** The mini-program's phone reading: WeChat's 同声传译 plugin makes each sentence's recording. */
const text = { sentences: ['第一句。', '第二句。'], title: '第三章 坚持学习', subtitle: '学习的方法' }

/** The plugin: each request waits for the test to answer it. */
const requests: { content: string; lang: string; success(res: { filename: string }): void; fail(err: unknown): void }[] = []
const plugin = { textToSpeech: (options: (typeof requests)[number]) => void requests.push(options) }

function events(): jest.Mocked<AudioEvents> {
  return { onPlay: jest.fn(), onPause: jest.fn(), onEnded: jest.fn(), onError: jest.fn(), onTime: jest.fn() }
}

/** speech.weapp as built with WECHAT_SI on or off: the build's constant is read when it loads. */
function loadWith(plugin: boolean): CreateSpeechPlayer | null {
  Object.assign(globalThis, { WECHAT_SI: plugin })
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the constant is set
    return (require('../../src/services/speech.weapp') as { createSpeechPlayer: CreateSpeechPlayer | null }).createSpeechPlayer
  } finally {
    Object.assign(globalThis, { WECHAT_SI: false })
  }
}
Object.assign(globalThis, { requirePlugin: (name: string) => (name === 'WechatSI' ? plugin : undefined) })
const create = loadWith(true)!
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  requests.length = 0
  Object.assign(backgroundAudio, { src: '', title: '', epname: '', singer: '', playbackRate: 1, startTime: 0, currentTime: 0 })
  backgroundAudio.handlers.clear()
  for (const fn of [backgroundAudio.play, backgroundAudio.pause, backgroundAudio.stop]) fn.mockClear()
})

test('not built with the plugin: there is no phone reading (the reader offers none)', () => {
  let without: CreateSpeechPlayer | null = create
  jest.isolateModules(() => {
    without = loadWith(false)
  })
  expect(without).toBeNull()
})

test('each sentence is made into a recording in Mandarin and played in the background, one after another, to the end', async () => {
  const on = events()
  const player = create(text, 0, on)
  player.setRate(1.25)
  player.play()
  expect(on.onPlay).toHaveBeenCalledTimes(1)
  expect(on.onTime).toHaveBeenLastCalledWith(0)
  expect(requests.map((r) => [r.content, r.lang])).toEqual([['第一句。', 'zh_CN']])
  requests[0].success({ filename: 'https://tts.example/1.mp3' })
  await flush()
  expect(backgroundAudio).toMatchObject({ src: 'https://tts.example/1.mp3', title: '第三章 坚持学习', epname: '学习的方法', playbackRate: 1.25 })
  backgroundAudio.emit('ended')
  expect(on.onTime).toHaveBeenLastCalledWith(1)
  requests[1].success({ filename: 'https://tts.example/2.mp3' })
  await flush()
  expect(backgroundAudio.src).toBe('https://tts.example/2.mp3')
  expect(on.onEnded).not.toHaveBeenCalled()
  backgroundAudio.emit('ended')
  expect(on.onEnded).toHaveBeenCalledTimes(1)
  expect(requests).toHaveLength(2)
})

test('paused while a recording is being made, it is not played when it comes; 播放 makes the sentence again', async () => {
  const on = events()
  const player = create(text, 1, on)
  player.play()
  player.pause()
  expect(on.onPause).toHaveBeenCalledTimes(1)
  requests[0].success({ filename: 'https://tts.example/late.mp3' })
  await flush()
  expect(backgroundAudio.src).toBe('')
  player.play()
  expect(requests.map((r) => r.content)).toEqual(['第二句。', '第二句。'])
  requests[1].success({ filename: 'https://tts.example/2.mp3' })
  await flush()
  expect(backgroundAudio.src).toBe('https://tts.example/2.mp3')
})

test('a sentence the plugin cannot make is an error, and closing the page stops the sound', async () => {
  const on = events()
  const player = create(text, 0, on)
  player.play()
  requests[0].fail({ retcode: -20001 })
  await flush()
  expect(on.onError).toHaveBeenCalledWith('朗读失败，请稍后重试')
  player.play()
  requests[1].success({ filename: 'https://tts.example/1.mp3' })
  await flush()
  player.destroy()
  expect(backgroundAudio.stop).toHaveBeenCalledTimes(1)
})
