import type { Block } from './content'

/**
 * 听全文: what is read aloud of an article or a chapter, sentence by sentence, the same on both
 * sides. The server synthesises these sentences in order into one recording with the second each
 * begins at (`cues`); the reader splits the same text the same way and highlights the sentence
 * being read. The title comes first; quotes are read without their source, images not at all.
 */
export interface SpokenSentence {
  /** Which block of the body (-1: the title). */
  block: number
  /** Where in that block's text, as string indexes (start included, end excluded). */
  start: number
  end: number
  text: string
}

/** Longer sentences are read in parts split at commas (the cloud engine takes 150 characters a request). */
export const SPOKEN_PART_MAX = 120

const SENTENCE = /[^。！？!?；;…\n]+[。！？!?；;…]*[”’」』）)]*/g
// Letters or digits, Chinese or Latin (no \p{…} class: the mini-program build would spell it out in kilobytes).
const HAS_WORDS = /[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9\uff10-\uff19]/

function* partsOf(text: string, offset: number): Generator<[number, number]> {
  let start = 0
  while (text.length - start > SPOKEN_PART_MAX) {
    const window = text.slice(start, start + SPOKEN_PART_MAX)
    const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'))
    const cut = comma > 0 ? comma + 1 : SPOKEN_PART_MAX
    yield [offset + start, offset + start + cut]
    start += cut
  }
  yield [offset + start, offset + text.length]
}

function sentencesIn(text: string, block: number): SpokenSentence[] {
  const out: SpokenSentence[] = []
  for (const match of text.matchAll(SENTENCE)) {
    const raw = match[0]
    const lead = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (!HAS_WORDS.test(trimmed)) continue
    for (const [start, end] of partsOf(trimmed, match.index + lead)) out.push({ block, start, end, text: text.slice(start, end) })
  }
  return out
}

export function spokenSentences(title: string, body: readonly Block[]): SpokenSentence[] {
  return [
    ...sentencesIn(title, -1),
    ...body.flatMap((b, i) => (b.type === 'heading' || b.type === 'paragraph' || b.type === 'quote' ? sentencesIn(b.text, i) : [])),
  ]
}

/** The sentence being read at `second` of a recording whose sentences begin at `cues`; -1 before the first. */
export function sentenceAt(cues: readonly number[], second: number): number {
  let found = -1
  for (let i = 0; i < cues.length && cues[i] <= second; i++) found = i
  return found
}
