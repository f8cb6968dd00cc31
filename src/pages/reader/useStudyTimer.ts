import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ActionOutput, StudyKind } from '../../../types'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { newRequestKey } from '../../utils/requestKey'

export type BeatAnswer = ActionOutput<'heartbeat'>

/**
 * Without a touch or a scroll for this long the member is taken to have stopped reading (the phone
 * left on the table): heartbeats stop until the next touch, unless audio is playing.
 */
export const IDLE_AFTER_MS = 2 * 60_000

interface Options {
  kind: StudyKind
  id: string
  /** Seconds between heartbeats (the rules'); undefined: not timing (not loaded, or a guest). */
  intervalSeconds: number | undefined
  /** Audio is playing: it counts as reading, touched or not. */
  listening: boolean
  onAnswer(answer: BeatAnswer): void
}

export interface StudyTimer {
  /** The member touched or scrolled the page. */
  markActive(): void
  /** Where the reader is (0..1 of the way to the end of the text). */
  setPosition(position: number): void
  /** The end of the text came into view, or the audio played to its end. */
  reachEnd(): void
  /** Why the last heartbeat failed (null once one succeeds). */
  error: string | null
}

/**
 * The reader's heartbeats: while the page is visible and the member active, or while the audio
 * plays (background audio keeps playing with the screen off), each with the session's next seq, the
 * reading position and whether the end was reached. The server credits the time between them by its
 * own clock; the client only says "still here". Each heartbeat's answer says when to send the next
 * (`nextBeatSeconds`), so the server can slow its clients down; until an answer has said so, the
 * rules' `intervalSeconds` applies.
 */
export function useStudyTimer({ kind, id, intervalSeconds, listening, onAnswer }: Options): StudyTimer {
  // One reading session per page view: the server tells a replayed or duplicated heartbeat by it.
  const session = useRef(newRequestKey())
  const seq = useRef(0)
  const visible = useRef(true)
  const lastActive = useRef(Date.now())
  const position = useRef<{ value?: number; atEnd: boolean }>({ atEnd: false })
  const sending = useRef(false)
  /** The delay the server's last answer asked for (it stands until another answer changes it). */
  const advisedSeconds = useRef<number | undefined>(undefined)
  const listeningRef = useRef(listening)
  listeningRef.current = listening
  const onAnswerRef = useRef(onAnswer)
  onAnswerRef.current = onAnswer
  const [error, setError] = useState<string | null>(null)

  const beat = useCallback(async () => {
    // Reading: the page in front and touched lately. Listening goes on with the screen off too.
    const reading = visible.current && Date.now() - lastActive.current <= IDLE_AFTER_MS
    if (!(reading || listeningRef.current) || sending.current) return
    sending.current = true
    try {
      const { value, atEnd } = position.current
      const answer = await callFunction('heartbeat', {
        kind,
        id,
        sessionId: session.current,
        seq: seq.current++,
        mode: listeningRef.current ? 'listen' : 'read',
        ...(value === undefined ? {} : { position: value }),
        atEnd,
      })
      setError(null)
      advisedSeconds.current = answer.nextBeatSeconds
      onAnswerRef.current(answer)
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      sending.current = false
    }
  }, [kind, id])

  useEffect(() => {
    if (!intervalSeconds) return
    // A chain of timeouts rather than an interval: each delay is only known once the beat before it
    // has been answered.
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const tick = async () => {
      await beat()
      if (!stopped) timer = setTimeout(() => void tick(), (advisedSeconds.current ?? intervalSeconds) * 1000)
    }
    void tick()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [intervalSeconds, beat])

  useDidShow(() => {
    visible.current = true
    lastActive.current = Date.now()
  })
  useDidHide(() => {
    visible.current = false
  })

  const markActive = useCallback(() => {
    lastActive.current = Date.now()
  }, [])

  const setPosition = useCallback((value: number) => {
    position.current = { ...position.current, value }
  }, [])

  // Once reached, the end stays reached for the session (the server keeps it too).
  const reachEnd = useCallback(() => {
    position.current = { ...position.current, atEnd: true }
  }, [])

  return { markActive, setPosition, reachEnd, error }
}
