import { getArticle } from '../../server/actions/getArticle'
import { saveArticle } from '../../server/actions/saveArticle'
import { READING_CHARS_PER_MINUTE } from '../../types/constants'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addCategories, paragraphs } from '../support/content'
import { addPublishedArticle, advance, ok, openReader } from '../support/study'

/** Monday 2026-11-23, 10:00 in Shanghai. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
  await addCategories(cloud.db)
  // A 10-minute documentary with a short introduction.
  await addPublishedArticle(cloud, 'film', { minutes: 10, videoUrl: 'https://example.com/film.mp4', videoSeconds: 600 })
  await addPublishedArticle(cloud, 'text', { minutes: 10 })
})
afterEach(() => cloud.close())

const videoInput = {
  title: '话说湖州（第一集）',
  summary: '纪录片',
  body: paragraphs('一'.repeat(READING_CHARS_PER_MINUTE)),
  source: '湖州广电',
  categoryId: 'economy',
  videoUrl: 'https://example.com/huzhou-1.mp4',
}

describe('video items', () => {
  it('are saved with their length, which sets the estimate; a video without one is refused', async () => {
    expect(await cloud.call(saveArticle, 'wx-org', videoInput)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '有视频时请填写视频时长' })
    const saved = ok(await cloud.call(saveArticle, 'wx-org', { ...videoInput, videoSeconds: 25 * 60 + 10, videoCoverUrl: 'https://example.com/huzhou-1.jpg' }))
    expect(saved).toMatchObject({ minutes: 26, videoSeconds: 1510, videoCoverUrl: 'https://example.com/huzhou-1.jpg' })
  })

  it('open in the reader with the video, and 看完 takes 90% of its length', async () => {
    const opened = ok(await cloud.call(getArticle, 'wx-m1', { id: 'film' }))
    expect(opened.article.video).toEqual({ url: 'https://example.com/film.mp4', seconds: 600, coverUrl: null })
    expect(opened.progress).toMatchObject({ completeAtSeconds: 540 })
  })

  it('credit what was played within the server’s clock; 看完 once 90% is credited and played, not before', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'film')
    await reader.open()
    advance(cloud, 300)
    // A player that claims more than the clock allows (dragged ahead, or tampered) is held to the clock.
    expect(await reader.beat({ mode: 'watch', activeSeconds: 600, position: 1, atEnd: true })).toMatchObject({
      creditedSeconds: 300,
      reason: 'clock',
      completed: false,
    })
    advance(cloud, 200)
    // 500 s credited, the end reached: 80% is 看完 for a text, not for a video.
    expect(await reader.beat({ mode: 'watch', activeSeconds: 600, position: 1, atEnd: true })).toMatchObject({
      creditedSeconds: 200,
      itemSeconds: 500,
      completed: false,
    })
    advance(cloud, 40)
    expect(await reader.beat({ mode: 'watch', activeSeconds: 600, position: 1, atEnd: true })).toMatchObject({
      itemSeconds: 540,
      completed: true,
      justCompleted: true,
    })
  })

  it('refuse watching an item without a video, and listening to a video', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'text')
    expect(await reader.send({ mode: 'watch' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '这篇内容没有视频，无法观看' })
    expect(await openReader(cloud, 'm1', 'article', 'film').send({ mode: 'listen' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '这是视频，请观看' })
  })
})
