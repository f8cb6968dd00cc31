import { act, fireEvent, render, screen } from '@testing-library/react'
// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import { resetStorage, setLayout, setRouterParams } from '../support/taro-double'
import Reader from '../../src/pages/reader/index'
import type { ActionInput } from '../../types'
import { articleAnswer, beatAnswer } from '../support/reader-fixtures'
import { callsTo, ok, sendMock, serve } from '../support/ui-server'
import { synthesis } from '../support/speech-synthesis-double'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
// The reader's platform files are the browser's: speechSynthesis is read when the module loads.
jest.mock('../../src/services/speech', () => {
  jest.requireActual('../support/speech-synthesis-double').installSpeechSynthesis()
  return jest.requireActual('../../src/services/speech.h5')
})

/** No recording, and the speech engine has not read it (not configured on this server). */
const unrecorded = articleAnswer({ audioUrl: null, speech: null, speechPending: false })
const beats = () => callsTo('heartbeat').map(([, input]) => input as ActionInput<'heartbeat'>)
const pass = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms))
const endSentence = () => act(() => synthesis.finish())
const marked = () => document.querySelector('.reader__spoken')?.textContent ?? null

async function open() {
  serve({ getArticle: () => ok(unrecorded), heartbeat: () => ok(beatAnswer()) })
  setRouterParams({ kind: 'article', id: 'a-1' })
  render(<Reader />)
  await pass(0)
}

beforeEach(() => {
  jest.useFakeTimers()
  sendMock.mockReset()
  setLayout({ '#reader-end': 2000 })
  resetStorage()
  synthesis.reset()
})
afterEach(() => jest.useRealTimers())

test('a text with no recording is read aloud by the phone, sentence by sentence in Mandarin, the sentence being read marked', async () => {
  await open()
  expect(screen.getByText('手机朗读全文，可以边听边看')).toBeTruthy()
  fireEvent.click(screen.getByText('播放'))
  await pass(0)
  expect(synthesis.said.map((u) => [u.text, u.lang])).toEqual([['每天二十分钟：把学习变成习惯', 'zh-CN']])
  expect(screen.getByText('正在播放，收听同样计入学时')).toBeTruthy()
  await endSentence()
  await endSentence()
  expect(synthesis.said.map((u) => u.text)).toEqual(['每天二十分钟：把学习变成习惯', '时间要固定', '与其等“有空了再学”，不如给学习留一个固定的位置。'])
  expect(marked()).toBe('与其等“有空了再学”，不如给学习留一个固定的位置。')
})

test('暂停 stops the sentence; 继续收听, even on the page opened again, reads on from it at the chosen speed', async () => {
  await open()
  fireEvent.click(screen.getByText('1.25×'))
  fireEvent.click(screen.getByText('播放'))
  await pass(0)
  await endSentence()
  fireEvent.click(screen.getByText('暂停'))
  await pass(0)
  expect(synthesis.cancel).toHaveBeenCalledTimes(1)
  expect(marked()).toBeNull()
  expect(screen.getByText('播放')).toBeTruthy()
  // The page is closed and opened again: it goes on from the sentence where the member stopped.
  document.body.innerHTML = ''
  await open()
  fireEvent.click(screen.getByText('继续收听'))
  await pass(0)
  expect(synthesis.said.at(-1)).toMatchObject({ text: '时间要固定', rate: 1 })
  fireEvent.click(screen.getByText('0.8×'))
  await endSentence()
  expect(synthesis.said.at(-1)).toMatchObject({ text: '与其等“有空了再学”，不如给学习留一个固定的位置。', rate: 0.8 })
})

test('listening to the phone counts without touches, and its heartbeats say listen; the last sentence reaches the end', async () => {
  await open()
  fireEvent.click(screen.getByText('播放'))
  await pass(300_000)
  expect(beats().map((b) => [b.mode, b.activeSeconds])).toEqual([['listen', 300]])
  // Each remaining sentence takes five seconds to say.
  while (synthesis.speaking) {
    await pass(5_000)
    await endSentence()
  }
  await pass(0)
  expect(beats().at(-1)).toMatchObject({ mode: 'listen', atEnd: true })
  expect(screen.getByText('播放')).toBeTruthy()
})

test('a phone that cannot speak says so, and nothing more is said', async () => {
  await open()
  fireEvent.click(screen.getByText('播放'))
  await pass(0)
  await act(() => synthesis.fail())
  expect(screen.getByText('朗读失败，请稍后重试')).toBeTruthy()
  expect(screen.getByText('播放')).toBeTruthy()
  expect(synthesis.said).toHaveLength(1)
})
