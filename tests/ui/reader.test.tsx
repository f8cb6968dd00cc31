import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import {
  hidePage,
  navigateTo,
  pageScrollTo,
  redirectTo,
  resetStorage,
  scrollPage,
  setLayout,
  setRouterParams,
  shareMessage,
  showPage,
  showToast,
  WINDOW_HEIGHT,
} from '../support/taro-double'
import Reader from '../../src/pages/reader/index'
import { adoptSavedLargeFont } from '../../src/state/largeFont'
import type { ActionInput } from '../../types'
import { articleAnswer, beatAnswer, chapterAnswer, progress } from '../support/reader-fixtures'
import { callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
// The browser's player, an HTML audio element; jsdom cannot play, so `play` is the test's to answer.
jest.mock('../../src/services/audio', () => jest.requireActual('../../src/services/audio.h5'))

/** The interval the open's answer gives (articleAnswer's heartbeatSeconds). */
const BEAT_MS = 300_000
/** Where the end marker sits in the document: the text is longer than the screen. */
const END_TOP = 2000

const member: Handlers = {
  getArticle: () => ok(articleAnswer()),
  getChapter: () => ok(chapterAnswer()),
  heartbeat: () => ok(beatAnswer()),
}

const beats = () => callsTo('heartbeat').map(([, input]) => input as ActionInput<'heartbeat'>)
/** Lets the given time pass on the page's clock, with everything it sets off. */
const pass = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms))
/** The member reads for `ms`, touching the page every minute. */
async function readFor(ms: number) {
  for (let left = ms; left > 0; left -= 60_000) {
    fireEvent.touchStart(document.querySelector('.reader__page')!)
    await pass(Math.min(60_000, left))
  }
}

async function open(kind: 'article' | 'chapter', id: string, handlers: Handlers = member) {
  serve(handlers)
  setRouterParams({ kind, id })
  const view = render(<Reader />)
  await pass(0)
  return view
}

beforeEach(() => {
  jest.useFakeTimers()
  sendMock.mockReset()
  setLayout({ '#reader-end': END_TOP })
  for (const fn of [pageScrollTo, redirectTo, navigateTo, showToast]) fn.mockClear()
  // Where listening stopped is kept on the phone: each test starts with none.
  resetStorage()
})

afterEach(() => {
  jest.useRealTimers()
  adoptSavedLargeFont(false)
})

describe('the text', () => {
  test('shows the title, source, estimated minutes and every kind of block, natively', async () => {
    const { container } = await open('article', 'a-1')
    expect(screen.getByText('每天二十分钟：把学习变成习惯')).toBeTruthy()
    expect(screen.getByText('学习圈编辑部 · 励志修养')).toBeTruthy()
    expect(screen.getByText('预计阅读 2 分钟')).toBeTruthy()
    expect(container.querySelector('.reader__heading')?.textContent).toBe('时间要固定')
    expect(container.querySelector('.reader__paragraph')?.textContent).toBe('与其等“有空了再学”，不如给学习留一个固定的位置。')
    expect(container.querySelector('.reader__quote-text')?.textContent).toBe('学习不在一时的热情，而在日复一日的坚持。')
    expect(screen.getByText('—— 编者')).toBeTruthy()
    expect(container.querySelector('.reader__figure img, .reader__figure taro-image-core')?.getAttribute('src')).toBe('https://example.com/desk.jpg')
    expect(screen.getByText('一张书桌')).toBeTruthy()
    expect(screen.getByText('— 全文完 —')).toBeTruthy()
    expect(callsTo('getArticle')).toEqual([['getArticle', { id: 'a-1', sessionId: expect.any(String) }]])
  })

  test('follows 大字模式', async () => {
    adoptSavedLargeFont(true)
    const { container } = await open('article', 'a-1')
    expect(container.querySelector('.reader.app-root--large')).not.toBeNull()
  })

  test('a missing article says so, without a retry', async () => {
    await open('article', 'gone', { getArticle: () => fail('NOT_FOUND', '没有找到这篇文章，它可能已下架') })
    expect(screen.getByText('没有找到这篇文章，它可能已下架')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(callsTo('heartbeat')).toHaveLength(0)
  })

  test('a network failure offers 重试', async () => {
    let attempts = 0
    await open('article', 'a-1', { ...member, getArticle: () => (++attempts === 1 ? fail('INTERNAL', '系统繁忙，请稍后再试') : ok(articleAnswer())) })
    fireEvent.click(screen.getByText('重试'))
    await pass(0)
    expect(screen.getByText('每天二十分钟：把学习变成习惯')).toBeTruthy()
  })
})

describe('heartbeats', () => {
  test('the open starts the session; then one heartbeat per 5 minutes of reading, with the running count', async () => {
    await open('article', 'a-1')
    const [[, opened]] = callsTo('getArticle') as [unknown, { id: string; sessionId: string }][]
    expect(opened.sessionId).toMatch(/^[A-Za-z0-9-]{8,64}$/)
    expect(beats()).toHaveLength(0)
    await readFor(BEAT_MS - 60_000)
    expect(beats()).toHaveLength(0)
    await readFor(60_000)
    await readFor(BEAT_MS)
    const sent = beats()
    expect(sent.map((b) => [b.seq, b.activeSeconds])).toEqual([
      [0, 300],
      [1, 600],
    ])
    expect(sent.every((b) => b.sessionId === opened.sessionId)).toBe(true)
    // Reading on, they are interim: the server credits them and scores their points with the next beat that is not.
    expect(sent[0]).toMatchObject({ kind: 'article', id: 'a-1', mode: 'read', atEnd: false, interim: true })
    // The open's pass goes with the first heartbeat; once one is answered the server knows the session.
    expect(sent.map((b) => b.pass)).toEqual(['pass-1', undefined])
  })

  test('closing the page sends what it counted; a new page view is a new session', async () => {
    const first = await open('article', 'a-1')
    await readFor(90_000)
    first.unmount()
    await pass(0)
    expect(beats()).toHaveLength(1)
    expect(beats()[0]).toMatchObject({ seq: 0, activeSeconds: 90 })
    expect(beats()[0].interim).toBeUndefined()
    await open('article', 'a-1')
    const sessions = (callsTo('getArticle') as [unknown, { sessionId: string }][]).map(([, input]) => input.sessionId)
    expect(sessions[1]).not.toBe(sessions[0])
    expect(sessions[0]).toBe(beats()[0].sessionId)
  })

  test('closing the page right after an interim heartbeat sends one more with nothing new, so its time is scored', async () => {
    const page = await open('article', 'a-1')
    await readFor(BEAT_MS)
    expect(beats().map((b) => [b.activeSeconds, b.interim])).toEqual([[300, true]])
    page.unmount()
    await pass(0)
    expect(beats().map((b) => [b.seq, b.activeSeconds, b.interim])).toEqual([
      [0, 300, true],
      [1, 300, undefined],
    ])
  })

  test('going on to the next chapter sends what was counted as interim: the next page’s stopping beat scores it', async () => {
    const page = await open('chapter', 'b-1-3')
    await readFor(90_000)
    fireEvent.click(screen.getByText('下一章：第四章 学以致用'))
    await pass(0)
    page.unmount()
    await pass(0)
    expect(beats().map((b) => [b.id, b.activeSeconds, b.interim])).toEqual([['b-1-3', 90, true]])
  })

  test('hiding the page sends what was counted and stops counting; shown again, counting resumes', async () => {
    await open('article', 'a-1')
    await readFor(60_000)
    hidePage()
    await pass(0)
    expect(beats().map((b) => b.activeSeconds)).toEqual([60])
    await pass(10 * 60_000)
    expect(beats()).toHaveLength(1)
    showPage()
    await readFor(BEAT_MS)
    expect(beats().map((b) => b.activeSeconds)).toEqual([60, 360])
  })

  test('counting stops two minutes after the last touch or scroll (what was counted is sent), and a touch starts it again', async () => {
    await open('article', 'a-1')
    await pass(130_000)
    expect(beats().map((b) => b.activeSeconds)).toEqual([120])
    await pass(10 * 60_000)
    expect(beats()).toHaveLength(1)
    scrollPage(100)
    await readFor(BEAT_MS)
    expect(beats().map((b) => b.activeSeconds)).toEqual([120, 420])
  })

  test('carry the reading position; reaching the end sends at once, with atEnd', async () => {
    await open('article', 'a-1')
    scrollPage(600)
    await readFor(BEAT_MS)
    // The end marker reaches the bottom of the screen at END_TOP - WINDOW_HEIGHT.
    expect(beats()[0]).toMatchObject({ position: 600 / (END_TOP - WINDOW_HEIGHT), atEnd: false })
    await readFor(30_000)
    scrollPage(END_TOP - WINDOW_HEIGHT + 50)
    await pass(0)
    expect(beats()[1]).toMatchObject({ atEnd: true, activeSeconds: 330 })
    // Scrolling back up keeps the end reached.
    scrollPage(0)
    await readFor(BEAT_MS)
    expect(beats()[2]).toMatchObject({ position: 0, atEnd: true })
  })

  test('a text that fits on the screen is at its end from the start', async () => {
    setLayout({ '#reader-end': 500 })
    await open('article', 'a-1')
    expect(beats()).toHaveLength(0)
    await readFor(BEAT_MS)
    expect(beats()).toHaveLength(1)
    expect(beats()[0]).toMatchObject({ position: 1, atEnd: true })
  })

  test('at the end, a heartbeat goes the moment the counted time completes the item', async () => {
    setLayout({ '#reader-end': 500 })
    await open('article', 'a-1', { ...member, getArticle: () => ok(articleAnswer({}, { progress: progress({ creditedSeconds: 30, completeAtSeconds: 96 }) })) })
    await readFor(70_000)
    expect(beats().map((b) => [b.activeSeconds, b.atEnd])).toEqual([[70, true]])
  })

  test('the page opens where the member left off', async () => {
    await open('article', 'a-1', { ...member, getArticle: () => ok(articleAnswer({}, { progress: progress({ position: 0.5, creditedSeconds: 30 }) })) })
    await pass(0)
    expect(pageScrollTo).toHaveBeenCalledWith({ scrollTop: 600, duration: 0 })
    await readFor(BEAT_MS)
    expect(beats()[0]).toMatchObject({ position: 0.5 })
  })

  test('a failed heartbeat says study time is not being recorded, until one succeeds; nothing counted is lost', async () => {
    let answer: unknown = fail('CONFLICT', '学习记录正忙，请稍后再试')
    await open('article', 'a-1', { ...member, heartbeat: () => answer })
    await readFor(BEAT_MS)
    expect(screen.getByText('学时暂未记录：学习记录正忙，请稍后再试')).toBeTruthy()
    answer = ok(beatAnswer())
    await readFor(60_000)
    expect(beats()).toHaveLength(2)
    expect(beats()[1].activeSeconds).toBe(360)
    expect(screen.queryByText(/学时暂未记录/)).toBeNull()
  })

  test('the server can change the interval by each answer’s nextBeatSeconds', async () => {
    let nextBeatSeconds = 600
    await open('article', 'a-1', { ...member, heartbeat: () => ok(beatAnswer({ nextBeatSeconds })) })
    await readFor(BEAT_MS)
    expect(beats()).toHaveLength(1)
    nextBeatSeconds = 120
    await readFor(BEAT_MS)
    expect(beats()).toHaveLength(1)
    await readFor(BEAT_MS)
    expect(beats().map((b) => b.activeSeconds)).toEqual([300, 900])
    await readFor(120_000)
    expect(beats().map((b) => b.activeSeconds)).toEqual([300, 900, 1020])
  })

  test('a guest is not timed', async () => {
    await open('article', 'a-1', { ...member, getArticle: () => ok(articleAnswer({}, { guest: true, heartbeatSeconds: null })) })
    await readFor(BEAT_MS)
    expect(beats()).toHaveLength(0)
  })
})

describe('study time and completion', () => {
  test('shows what is credited and what completes it, as the server answers', async () => {
    await open('article', 'a-1', {
      ...member,
      getArticle: () => ok(articleAnswer({}, { progress: progress({ creditedSeconds: 70 }) })),
      heartbeat: () => ok(beatAnswer({ itemSeconds: 125, progress: progress({ creditedSeconds: 125, reachedEnd: true }), todaySeconds: 1900 })),
    })
    expect(screen.getByText('本篇已计入学时 1 分 10 秒')).toBeTruthy()
    await readFor(BEAT_MS)
    expect(screen.getByText('本篇已计入学时 2 分 5 秒')).toBeTruthy()
    expect(screen.getByText('读到末尾并累计满 1 分 36 秒，本篇即完成（已读到末尾）')).toBeTruthy()
    expect(screen.getByText('今天共计入 31 分钟')).toBeTruthy()
  })

  test('time read and not yet sent shows as it grows, and goes once the heartbeat has taken it', async () => {
    await open('article', 'a-1')
    await readFor(120_000)
    expect(screen.getByText('本次又读了 2 分钟，稍后自动计入')).toBeTruthy()
    await readFor(BEAT_MS - 120_000)
    expect(beats()).toHaveLength(1)
    expect(screen.queryByText(/本次又读了/)).toBeNull()
  })

  test('the heartbeat that completes an article shows 本篇已完成 · +its credited time at once', async () => {
    let answer = beatAnswer()
    await open('article', 'a-1', { ...member, heartbeat: () => ok(answer) })
    expect(screen.queryByText(/已完成 ·/)).toBeNull()
    await readFor(BEAT_MS)
    expect(screen.queryByText(/已完成 ·/)).toBeNull()
    answer = beatAnswer({
      justCompleted: true,
      completed: true,
      minutesCredited: 2,
      itemSeconds: 126,
      progress: progress({ creditedSeconds: 126, completed: true, reachedEnd: true }),
    })
    await readFor(BEAT_MS)
    expect(screen.getByText('本篇已完成 · +2 分 6 秒')).toBeTruthy()
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '本篇已完成 · +2 分 6 秒' }))
    expect(screen.getByText('本篇已计入学时 2 分 6 秒')).toBeTruthy()
  })

  test('an item completed before says so', async () => {
    const done = progress({ creditedSeconds: 200, completed: true, reachedEnd: true })
    await open('article', 'a-1', {
      ...member,
      getArticle: () => ok(articleAnswer({}, { progress: done })),
      heartbeat: () => ok(beatAnswer({ creditedSeconds: 0, reason: 'itemCap', itemSeconds: 200, completed: true, progress: done })),
    })
    await readFor(BEAT_MS)
    expect(screen.getByText('✓ 本篇已完成')).toBeTruthy()
    expect(screen.getByText('本篇已计入学时 3 分 20 秒')).toBeTruthy()
    expect(screen.queryByText(/即完成/)).toBeNull()
  })

  test('a chapter: 本章已完成 · +its time and the book’s progress, then on to the next chapter', async () => {
    let answer = beatAnswer({ book: { bookId: 'b-1', completedChapters: 3, chapterCount: 10, completed: false, completedAt: null, justCompleted: false } })
    await open('chapter', 'b-1-3', { ...member, heartbeat: () => ok(answer) })
    expect(screen.getByText('《学习的方法》第三章')).toBeTruthy()
    await readFor(BEAT_MS)
    expect(screen.getByText('《学习的方法》已完成 3/10 章')).toBeTruthy()
    answer = beatAnswer({
      justCompleted: true,
      completed: true,
      minutesCredited: 3,
      itemSeconds: 190,
      progress: progress({ creditedSeconds: 190, completed: true, reachedEnd: true }),
      book: { bookId: 'b-1', completedChapters: 4, chapterCount: 10, completed: false, completedAt: null, justCompleted: false },
    })
    await readFor(BEAT_MS)
    expect(screen.getByText('本章已完成 · +3 分 10 秒')).toBeTruthy()
    expect(screen.getByText('《学习的方法》已完成 4/10 章')).toBeTruthy()
    expect(beats()[0]).toMatchObject({ kind: 'chapter', id: 'b-1-3' })

    fireEvent.click(screen.getByText('下一章：第四章 学以致用'))
    expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/reader/index?kind=chapter&id=b-1-4' })
    fireEvent.click(screen.getByText('上一章：第二章 读懂原文'))
    expect(redirectTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=chapter&id=b-1-2' })
  })

  test('the last chapter of a book says the book is finished', async () => {
    await open('chapter', 'b-1-10', {
      ...member,
      getChapter: () => ok(chapterAnswer({ next: null })),
      heartbeat: () =>
        ok(
          beatAnswer({
            justCompleted: true,
            completed: true,
            minutesCredited: 3,
            book: { bookId: 'b-1', completedChapters: 10, chapterCount: 10, completed: true, completedAt: '2025-11-20T02:00:00.000Z', justCompleted: true },
          }),
        ),
    })
    await readFor(BEAT_MS)
    expect(screen.getByText('《学习的方法》全书读完了！')).toBeTruthy()
    expect(screen.queryByText(/下一章/)).toBeNull()
  })

  test('a chapter needs a member: someone not registered is offered registration', async () => {
    await open('chapter', 'b-1-3', { getChapter: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册') })
    expect(screen.getByText('你还没有注册')).toBeTruthy()
    expect(screen.getByText('去实名注册')).toBeTruthy()
  })
})

describe('listening', () => {
  let played: HTMLMediaElement[]
  beforeEach(() => {
    played = []
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push(this)
      this.dispatchEvent(new Event('play'))
      return Promise.resolve()
    })
    jest.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
      this.dispatchEvent(new Event('pause'))
    })
  })
  afterEach(() => jest.restoreAllMocks())

  const withAudio: Handlers = { ...member, getArticle: () => ok(articleAnswer({ audioUrl: 'https://example.com/a-1.mp3' })) }

  test('no listen controls without audio', async () => {
    await open('article', 'a-1')
    expect(screen.queryByText('播放')).toBeNull()
  })

  test('plays the audio; heartbeats say listen and count on without touches while it plays', async () => {
    await open('article', 'a-1', withAudio)
    fireEvent.click(screen.getByText('播放'))
    await pass(0)
    expect(played).toHaveLength(1)
    expect(played[0].src).toBe('https://example.com/a-1.mp3')
    expect(screen.getByText('暂停')).toBeTruthy()
    expect(screen.getByText('正在播放，收听同样计入学时')).toBeTruthy()

    await pass(2 * BEAT_MS)
    expect(beats().map((b) => [b.mode, b.activeSeconds])).toEqual([
      ['listen', 300],
      ['listen', 600],
    ])

    // A minute more, then 暂停: the beat it sends says the minute was spent listening.
    await pass(60_000)
    fireEvent.click(screen.getByText('暂停'))
    await pass(0)
    expect(screen.getByText('播放')).toBeTruthy()
    expect(beats().at(-1)).toMatchObject({ mode: 'listen', activeSeconds: 660 })
    // Paused: reading again, two more minutes from the tap on 暂停; then the count is sent and stops.
    await pass(BEAT_MS)
    expect(beats().at(-1)).toMatchObject({ mode: 'read', activeSeconds: 780 })
    await pass(BEAT_MS)
    expect(beats()).toHaveLength(4)
  })

  test('listening goes on with the page hidden (the screen off); paused and hidden, nothing more to count', async () => {
    await open('article', 'a-1', withAudio)
    fireEvent.click(screen.getByText('播放'))
    await pass(0)
    hidePage()
    await pass(BEAT_MS)
    // The timer's beat while listening on is interim: its points come with the next beat.
    expect(beats().map((b) => [b.mode, b.activeSeconds, b.interim])).toEqual([['listen', 300, true]])
    fireEvent.click(screen.getByText('暂停'))
    await pass(2 * BEAT_MS)
    // Paused: one beat with nothing new, to score what was sent; then nothing.
    expect(beats().map((b) => [b.activeSeconds, b.interim])).toEqual([
      [300, true],
      [300, undefined],
    ])
  })

  test('speed: 0.8×, 1× or 1.25×, kept when playing starts', async () => {
    await open('article', 'a-1', withAudio)
    expect(Array.from(document.querySelectorAll('[aria-label$="×"], [aria-label$="×，已选"]')).map((n) => n.textContent)).toEqual(['0.8×', '1×', '1.25×'])
    fireEvent.click(screen.getByText('1.25×'))
    fireEvent.click(screen.getByText('播放'))
    await pass(0)
    expect(played[0].playbackRate).toBe(1.25)
    fireEvent.click(screen.getByText('0.8×'))
    expect(played[0].playbackRate).toBe(0.8)
    expect(screen.getByText('0.8×').getAttribute('aria-label')).toBe('0.8×，已选')
  })

  /** The fixture's text read aloud: the title, the heading, the paragraph, the quote. */
  const spoken: Handlers = { ...member, getArticle: () => ok(articleAnswer({ speech: { url: '/local/speech/a1.wav', seconds: 9, cues: [0, 2, 3.5, 6] } })) }
  const playedTo = (seconds: number) =>
    act(() => {
      Object.defineProperty(played[0], 'currentTime', { configurable: true, value: seconds })
      played[0].dispatchEvent(new Event('timeupdate'))
    })

  test('an article with no audio file is read aloud by the speech engine, the sentence being read marked in the text', async () => {
    await open('article', 'a-1', spoken)
    expect(screen.getByText('语音朗读全文，可以边听边看')).toBeTruthy()
    fireEvent.click(screen.getByText('播放'))
    await pass(0)
    expect(played[0].src).toContain('/local/speech/a1.wav')
    playedTo(4)
    expect(document.querySelector('.reader__spoken')?.textContent).toBe('与其等“有空了再学”，不如给学习留一个固定的位置。')
    playedTo(6.5)
    expect(document.querySelector('.reader__spoken')?.textContent).toBe('学习不在一时的热情，而在日复一日的坚持。')
    fireEvent.click(screen.getByText('暂停'))
    await pass(0)
    expect(document.querySelector('.reader__spoken')).toBeNull()
  })

  test('listening goes on next time from where the member stopped', async () => {
    await open('article', 'a-1', spoken)
    fireEvent.click(screen.getByText('播放'))
    await pass(0)
    playedTo(6.5)
    fireEvent.click(screen.getByText('暂停'))
    await pass(0)
    cleanup()
    played = []
    await open('article', 'a-1', spoken)
    expect(screen.getByText('从上次听到的地方接着听')).toBeTruthy()
    fireEvent.click(screen.getByText('继续收听'))
    await pass(0)
    expect(played[0].currentTime).toBe(6)
  })

  test('a text still waiting to be read aloud says so, with no player', async () => {
    await open('article', 'a-1', { ...member, getArticle: () => ok(articleAnswer({ speechPending: true })) })
    expect(screen.getByText('预计阅读 2 分钟 · 语音朗读稍后可听')).toBeTruthy()
    expect(screen.queryByText('播放')).toBeNull()
  })

  test('audio played to its end counts as reaching the end', async () => {
    await open('article', 'a-1', withAudio)
    fireEvent.click(screen.getByText('播放'))
    await pass(BEAT_MS)
    expect(beats().at(-1)).toMatchObject({ mode: 'listen', atEnd: false })
    await pass(30_000)
    act(() => {
      played[0].dispatchEvent(new Event('ended'))
    })
    await pass(0)
    expect(beats()).toHaveLength(2)
    expect(beats().at(-1)).toMatchObject({ activeSeconds: 330, atEnd: true })
  })

  test('a failed play says so', async () => {
    ;(HTMLMediaElement.prototype.play as jest.Mock).mockImplementation(() => Promise.reject(new Error('NotAllowedError')))
    await open('article', 'a-1', withAudio)
    fireEvent.click(screen.getByText('播放'))
    await pass(0)
    expect(screen.getByText('音频播放失败，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('播放')).toBeTruthy()
  })
})

describe('sharing', () => {
  test('an article is shared to a chat with its title, opening this reader', async () => {
    await open('article', 'a-1')
    expect(shareMessage()).toEqual({ title: '每天二十分钟：把学习变成习惯', path: '/pages/reader/index?kind=article&id=a-1' })
  })

  test('someone who is not a member reads a shared article as a guest: an invitation, no study time', async () => {
    await open('article', 'a-1', { getArticle: () => ok(articleAnswer({}, { guest: true, heartbeatSeconds: null })) })
    expect(screen.getByText('每天二十分钟：把学习变成习惯')).toBeTruthy()
    expect(screen.getByText(/完成实名注册后，阅读会计入你的学时/)).toBeTruthy()
    await readFor(BEAT_MS)
    expect(callsTo('heartbeat')).toHaveLength(0)
    expect(screen.queryByText(/已计入学时/)).toBeNull()
    fireEvent.click(screen.getByText('去实名注册'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' })
  })
})
