import type { CreateSpeechPlayer } from './speech-player'
import { SPEECH_ERROR } from './speech-player'

const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null

/**
 * The browser's speechSynthesis, one utterance a sentence in Mandarin; a pause cancels the sentence
 * and 播放 reads it again from its start. A new speed applies from the next sentence.
 */
export const createSpeechPlayer: CreateSpeechPlayer | null = synth
  ? ({ sentences }, startAt, events) => {
      let index = startAt
      let rate = 1
      let current: SpeechSynthesisUtterance | null = null
      function speak() {
        if (index >= sentences.length) {
          current = null
          return events.onEnded()
        }
        const utterance = new SpeechSynthesisUtterance(sentences[index])
        utterance.lang = 'zh-CN'
        utterance.rate = rate
        utterance.onend = () => {
          if (current !== utterance) return
          index += 1
          speak()
        }
        utterance.onerror = () => {
          if (current !== utterance) return
          current = null
          events.onError(SPEECH_ERROR)
        }
        current = utterance
        events.onTime(index)
        synth!.speak(utterance)
      }
      function stop() {
        current = null
        synth!.cancel()
      }
      return {
        play() {
          if (current) return
          events.onPlay()
          speak()
        },
        pause() {
          if (!current) return
          stop()
          events.onPause()
        },
        setRate(next) {
          rate = next
        },
        destroy: stop,
      }
    }
  : null
