import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { main as content } from '../../cloudfunctions/content'
import { getArticle } from '../../server/actions/getArticle'
import { getChapter } from '../../server/actions/getChapter'
import { saveArticle } from '../../server/actions/saveArticle'
import { saveChapter } from '../../server/actions/saveChapter'
import { ARTICLES } from '../../server/content/docs'
import { findDoc } from '../../server/db/documents'
import { createLocalPlatform } from '../../server/local-platform'
import { installPlatform } from '../../server/platform'
import { espeakSpeech, LOCAL_SPEECH_PATH } from '../../server/speech/espeak'
import type { Speech } from '../../server/speech/speech'
import { readWav } from '../../server/speech/wav'
import { spokenSentences } from '../../types/speech'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addBook, addCategories, paragraphs } from '../support/content'
import { ok } from '../support/study'

/**
 * 听全文 end to end on this machine: texts written through the admin actions are recorded by the
 * speech job with the local engine (espeak-ng, installed by .ci/run), kept under their key, and
 * answered to the reader with a cue for each sentence.
 */
let cloud: TestCloud
let dir: string
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
  await addCategories(cloud.db)
  dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-speech-'))
  useSpeech(espeakSpeech(dir))
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
  await rm(dir, { recursive: true, force: true })
})

const useSpeech = (speech: Speech | undefined) => installPlatform(createLocalPlatform(cloud.db, cloud.clock, { speech }))
/** The `content` function's timer trigger, as WeChat fires it: no user. */
const run = async () => ok(await cloud.call({ main: content }, undefined, { Type: 'Timer', TriggerName: 'speech' })) as Record<string, unknown>
const article = {
  title: '学习的方法',
  summary: '摘要',
  source: '学习圈编辑部',
  categoryId: 'economy',
  body: paragraphs('读原著要慢下来。一段一段地读！', '每段问自己：讲了什么？'),
}

/** An article written through the admin action (which marks it to be read aloud), then pushed today. */
async function published() {
  const saved = ok(await cloud.call(saveArticle, 'wx-org', article))
  await cloud.db
    .collection(ARTICLES)
    .doc(saved._id)
    .update({ data: { status: 'published', publishedOn: '2026-11-23' } })
  return saved._id
}

const reader = async (id: string) => ok(await cloud.call(getArticle, 'wx-m1', { id })).article

test('a published article is read aloud by the next run: one recording, a cue for each sentence, heard in the reader', async () => {
  const id = await published()
  expect(await reader(id)).toMatchObject({ speech: null, speechPending: true })
  expect(await run()).toEqual({ configured: true, recorded: 1, unchanged: 0, failed: 0, unfinished: false })

  const { speech, speechPending } = await reader(id)
  expect(speechPending).toBe(false)
  const sentences = spokenSentences(article.title, article.body)
  expect(speech!.cues).toHaveLength(sentences.length)
  expect(speech!.cues[0]).toBe(0)
  expect(speech!.cues).toEqual([...speech!.cues].sort((a, b) => a - b))
  // The file the reader plays: a WAV as long as the answer says.
  expect(speech!.url).toMatch(new RegExp(`^${LOCAL_SPEECH_PATH}[0-9a-f]{32}\\.wav$`))
  const wav = readWav(await readFile(path.join(dir, path.basename(speech!.url))))
  expect(wav.data.length / wav.bytesPerSecond).toBeCloseTo(speech!.seconds, 1)
  expect(speech!.seconds).toBeGreaterThan(speech!.cues[sentences.length - 1])

  // A second run finds nothing to do.
  expect(await run()).toMatchObject({ recorded: 0, unchanged: 0 })
})

test('changing the text records it again; changing only the summary keeps the recording', async () => {
  const id = await published()
  await run()
  const first = (await reader(id)).speech!
  ok(await cloud.call(saveArticle, 'wx-org', { ...article, id, summary: '新的摘要' }))
  // While the job has not looked, the reader offers no recording that may not match.
  expect(await reader(id)).toMatchObject({ speech: null, speechPending: true })
  expect(await run()).toMatchObject({ recorded: 0, unchanged: 1 })
  expect((await reader(id)).speech).toEqual(first)

  ok(await cloud.call(saveArticle, 'wx-org', { ...article, id, body: paragraphs('只有一句。') }))
  expect(await run()).toMatchObject({ recorded: 1 })
  const second = (await reader(id)).speech!
  expect(second.url).not.toBe(first.url)
  expect(second.cues).toHaveLength(2)
})

test('drafts wait; chapters are read too', async () => {
  const draft = ok(await cloud.call(saveArticle, 'wx-org', article))._id
  await addBook(cloud.db, { _id: 'book-1', title: '学习的方法', status: 'published' }, 0)
  const chapter = ok(await cloud.call(saveChapter, 'wx-org', { bookId: 'book-1', title: '第一章 慢读', body: paragraphs('慢慢读，才读得懂。') }))
  expect(await run()).toMatchObject({ recorded: 1 })
  expect((await findDoc<{ speechPending?: boolean }>(cloud.db, ARTICLES, draft))?.speechPending).toBe(true)
  const read = ok(await cloud.call(getChapter, 'wx-m1', { id: chapter.chapter._id })).chapter
  expect(read.speech?.cues).toHaveLength(2)
})

test('an engine that fails leaves the text readable and marked, with the reason; a later run records it', async () => {
  const id = await published()
  useSpeech(espeakSpeech(dir, 'no-such-espeak'))
  expect(await run()).toMatchObject({ recorded: 0, failed: 1 })
  expect(await findDoc(cloud.db, ARTICLES, id)).toMatchObject({
    speechPending: true,
    speechTries: 1,
    speechError: '没有找到 no-such-espeak：运行 apt-get install -y espeak-ng',
  })
  expect(await reader(id)).toMatchObject({ title: '学习的方法', speech: null, speechPending: true })

  useSpeech(espeakSpeech(dir))
  expect(await run()).toMatchObject({ recorded: 1, failed: 0 })
  const doc = await findDoc<Record<string, unknown>>(cloud.db, ARTICLES, id)
  expect(doc).not.toHaveProperty('speechError')
  expect(doc).not.toHaveProperty('speechTries')
})

test('a member’s call dressed as the trigger is refused', async () => {
  expect(await cloud.call({ main: content }, 'wx-org', { Type: 'Timer' })).toEqual({
    ok: false,
    code: 'FORBIDDEN',
    message: '这是定时任务，只能由定时触发器运行',
  })
})

test('without an engine the job reads nothing and says so', async () => {
  await published()
  useSpeech(undefined)
  expect(await run()).toEqual({ configured: false })
})
