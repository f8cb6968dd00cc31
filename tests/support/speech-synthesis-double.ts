/**
 * The browser's speechSynthesis, as far as the reader uses it (jsdom has none): what it was asked to
 * say, and the sentence it is saying, which a test ends or breaks.
 */
export class Utterance {
  lang = ''
  rate = 1
  onend: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly text: string) {}
}

export const synthesis = {
  said: [] as Utterance[],
  speaking: null as Utterance | null,
  speak(u: Utterance) {
    synthesis.said.push(u)
    synthesis.speaking = u
  },
  cancel: jest.fn(() => {
    // Chromium answers a cancel with an error on the sentence it stops.
    const stopped = synthesis.speaking
    synthesis.speaking = null
    stopped?.onerror?.()
  }),
  /** The sentence being said comes to its end. */
  finish() {
    const done = synthesis.speaking
    synthesis.speaking = null
    done?.onend?.()
  },
  /** The sentence being said fails. */
  fail() {
    const failed = synthesis.speaking
    synthesis.speaking = null
    failed?.onerror?.()
  },
  reset() {
    synthesis.said = []
    synthesis.speaking = null
    synthesis.cancel.mockClear()
  },
}

/** Gives the window this double, before the module reading `window.speechSynthesis` loads. */
export function installSpeechSynthesis(): void {
  Object.assign(window, { speechSynthesis: synthesis, SpeechSynthesisUtterance: Utterance })
}
