import { createHash } from 'node:crypto'
import { spokenSentences } from '../../types/speech'
import { ARTICLES, CHAPTERS, type ArticleDoc, type ChapterDoc } from '../content/docs'
import type { CloudDatabase } from '../db/types'
import type { Recording, Speech } from './speech'

/**
 * An article's or chapter's synthesised speech as stored on it. `key` is a hash of the voice and
 * the sentences read, so unchanged text is never recorded twice and a changed one always is.
 */
export interface SpeechDoc extends Recording {
  key: string
}

/**
 * The marks a text's writers leave: `speechPending` when the text may have changed (set by every
 * write of an article or a chapter); the job clears it once the recording matches the text.
 * `speechError` and `speechTries` say why the last try failed and how often: the text stays
 * readable and the next run tries again, the least-tried first.
 */
export interface SpeechMarks {
  speech?: SpeechDoc
  speechPending?: true
  speechError?: string
  speechTries?: number
}

/** Items read per query: each recording takes seconds, so a run records tens at most. */
const BATCH = 20

export const speechKey = (voice: string, sentences: readonly string[]) =>
  createHash('sha256')
    .update(`${voice}\n${sentences.join('\n')}`)
    .digest('hex')
    .slice(0, 32)

type Speakable = (ArticleDoc | ChapterDoc) & SpeechMarks

export interface SpeechRun {
  recorded: number
  /** Marked, but the text read aloud had not changed (a summary or a category did). */
  unchanged: number
  failed: number
  /** Items still marked when the run's time was up: the next run goes on. */
  unfinished: boolean
}

/**
 * Records speech for the texts marked since (articles not in draft, and chapters), until
 * `budgetMs` has passed. Safe to run twice and to stop anywhere: an item is unmarked only by a
 * write that still finds the text it recorded (`updatedAt` unchanged), and a recording is kept
 * under its key.
 */
export async function speakMarked(db: CloudDatabase, speech: Speech, budgetMs: number, clock: () => number = Date.now): Promise<SpeechRun> {
  const _ = db.command
  const started = clock()
  const run: SpeechRun = { recorded: 0, unchanged: 0, failed: 0, unfinished: false }
  for (const [collection, where] of [
    [ARTICLES, { speechPending: true, status: _.neq('draft') }],
    [CHAPTERS, { speechPending: true }],
  ] as const) {
    const { data } = await db.collection(collection).where(where).orderBy('speechTries', 'asc').limit(BATCH).get()
    for (const doc of data as Speakable[]) {
      if (clock() - started > budgetMs) return { ...run, unfinished: true }
      const sentences = spokenSentences(doc.title, doc.body).map((s) => s.text)
      const key = speechKey(speech.voice, sentences)
      const unmark = (fields: Record<string, unknown>) =>
        db
          .collection(collection)
          .where({ _id: doc._id, updatedAt: doc.updatedAt })
          .update({ data: { ...fields, speechPending: _.remove(), speechError: _.remove(), speechTries: _.remove() } })
      if (doc.speech?.key === key || sentences.length === 0) {
        await unmark(sentences.length === 0 ? { speech: _.remove() } : {})
        run.unchanged += 1
        continue
      }
      try {
        const recording = await speech.record(key, sentences)
        await unmark({ speech: _.set({ key, ...recording }) })
        run.recorded += 1
      } catch (err) {
        await db
          .collection(collection)
          .doc(doc._id)
          .update({ data: { speechError: String((err as Error).message ?? err).slice(0, 200), speechTries: _.inc(1) } })
        run.failed += 1
      }
    }
    if (data.length === BATCH) run.unfinished = true
  }
  return run
}
