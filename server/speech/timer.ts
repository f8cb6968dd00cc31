import { defineTimer } from '../function'
import { speakMarked } from './job'

/** Seconds of a run spent recording; the rest of the 60 s timeout is margin for the last one. */
const BUDGET_MS = 40_000

/**
 * 听全文 (the `content` function's timer trigger): records speech for the articles and chapters
 * written since the last run. Without an engine (TTS_SECRET_ID/TTS_SECRET_KEY unset) it reads
 * nothing and says so.
 */
export const synthesizeSpeech = defineTimer(
  'synthesizeSpeech',
  async ({ db, speech }) => (speech ? { configured: true, ...(await speakMarked(db, speech, BUDGET_MS)) } : { configured: false }),
  { uses: ['speech'] },
)
