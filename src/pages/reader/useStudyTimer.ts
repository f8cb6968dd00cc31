import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ActionInput, ActionOutput, StudyKind } from '../../../types'
import { READER_IDLE_SECONDS } from '../../../types/constants'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'

export type BeatAnswer = ActionOutput<'heartbeat'>

/**
 * Without a touch or a scroll for this long the member is taken to have stopped reading (the phone
 * left on the table): counting stops until the next touch, unless audio is playing.
 */
const IDLE_AFTER_MS = READER_IDLE_SECONDS * 1000
/** How often the page looks whether a heartbeat is due (local only: nothing is sent unless it is). */
const CHECK_EVERY_MS = 10_000
/** After a failed heartbeat, the next due one waits this long (the count is kept: nothing is lost). */
const RETRY_AFTER_MS = 60_000

interface Options {
  kind: StudyKind
  id: string
  /** The reading session the page's open started, and its pass (sent until a heartbeat is answered). */
  sessionId: string
  sessionPass: string | null
  /** Seconds of reading between heartbeats (the open's answer); undefined: not timing (a guest). */
  intervalSeconds: number | undefined
  /** Audio is playing: it counts as reading, touched or not. */
  listening: boolean
  /** The video is playing: only what it plays counts (`addPlayed`), not the time the page is open. */
  watching: boolean
  /**
   * Seconds of counting after which, with the end reached, the item would complete (its completion
   * point less what was credited before); a heartbeat goes then, so 已完成 shows at that moment.
   * Undefined: completed already.
   */
  completesAfterSeconds: number | undefined
  onAnswer(answer: BeatAnswer): void
}

export interface StudyTimer {
  /** The member touched or scrolled the page. */
  markActive(): void
  /** Where the reader is (0..1 of the way to the end of the text). */
  setPosition(position: number): void
  /** The end of the text came into view, the audio played to its end, or 90% of the video was played. */
  reachEnd(): void
  /** Seconds the video played at normal speed or slower (utils/playback.ts). */
  addPlayed(seconds: number): void
  /** The member goes on to another chapter (上一章/下一章): what was counted goes now, scored by the next page's stopping beat. */
  readOn(): void
  /** Why the last heartbeat failed (null once one succeeds). */
  error: string | null
  /** Counted on this page and not yet sent: shown as it grows, credited with the next heartbeat. */
  unsentSeconds: number
}

/**
 * The reader's study timer. It counts the time the page is in front and the member active, or the
 * audio plays (background audio keeps playing with the screen off), and sends the running total in
 * a heartbeat once `intervalSeconds` of reading have gathered since the last one, and straight away
 * when reading pauses (the page hidden, the member idle), the end is reached, the item completes or
 * the page closes, so a 30-minute read costs a handful of calls. The server credits the count only as far as its own
 * clock allows; each answer may change the interval (`nextBeatSeconds`).
 */
type Mode = ActionInput<'heartbeat'>['mode']

export function useStudyTimer({
  kind,
  id,
  sessionId,
  sessionPass,
  intervalSeconds,
  listening,
  watching,
  completesAfterSeconds,
  onAnswer,
}: Options): StudyTimer {
  const seq = useRef(0)
  /** Once a heartbeat is answered the server knows the session: the pass need not go again. */
  const passTaken = useRef(false)
  const countedMs = useRef(0)
  /** Until when the time is counted; the state below held since then. */
  const settledAt = useRef(Date.now())
  const visible = useRef(true)
  const lastActive = useRef(Date.now())
  const listeningRef = useRef(listening)
  const watchingRef = useRef(watching)
  const position = useRef<{ value?: number; atEnd: boolean }>({ atEnd: false })
  /** How the time not yet sent was spent: the beat sent as listening stops still says it was listening. */
  const spentAs = useRef<Mode>('read')
  const modeNow = (): Mode => (watchingRef.current ? 'watch' : listeningRef.current ? 'listen' : 'read')
  const sent = useRef({ seconds: 0, atEnd: false, interim: false })
  const sending = useRef(false)
  /** A send asked for while one was on its way (interim only if every one asked was): it goes next. */
  const sendAgain = useRef<{ interim: boolean } | undefined>(undefined)
  const failedAt = useRef<number | undefined>(undefined)
  /** The interval the server's last answer asked for (it stands until another answer changes it). */
  const advisedSeconds = useRef<number | undefined>(undefined)
  const onAnswerRef = useRef(onAnswer)
  onAnswerRef.current = onAnswer
  const completesAfter = useRef(completesAfterSeconds)
  completesAfter.current = completesAfterSeconds
  const mounted = useRef(true)
  const [error, setError] = useState<string | null>(null)
  const [unsentSeconds, setUnsentSeconds] = useState(0)
  const showUnsent = useCallback(() => {
    if (mounted.current) setUnsentSeconds(Math.max(0, Math.floor(countedMs.current / 1000) - sent.current.seconds))
  }, [])

  /**
   * Adds the reading time since the last settle: all of it while listening, else while visible and
   * not yet idle; none while the video plays (what it plays is added instead).
   */
  const settle = useCallback(() => {
    const now = Date.now()
    const from = settledAt.current
    const until = watchingRef.current ? from : listeningRef.current ? now : visible.current ? Math.min(now, lastActive.current + IDLE_AFTER_MS) : from
    if (until > from) countedMs.current += until - from
    if (modeNow() !== 'read' && (until > from || watchingRef.current)) spentAs.current = modeNow()
    settledAt.current = now
  }, [])

  /** `interim`: the timer's beat while the member reads on (its points follow with the next beat that is not). */
  const send = useCallback(
    async (interim = false) => {
      if (!intervalSeconds) return
      settle()
      const activeSeconds = Math.floor(countedMs.current / 1000)
      const { value, atEnd } = position.current
      // Nothing new to send, unless the last beat was interim and this one is to score it.
      if (activeSeconds === sent.current.seconds && atEnd === sent.current.atEnd && (interim || !sent.current.interim)) return
      if (sending.current) {
        sendAgain.current = { interim: interim && (sendAgain.current?.interim ?? true) }
        return
      }
      sending.current = true
      try {
        const answer = await callFunction('heartbeat', {
          kind,
          id,
          sessionId,
          seq: seq.current++,
          activeSeconds,
          mode: spentAs.current,
          ...(value === undefined ? {} : { position: value }),
          atEnd,
          ...(interim ? { interim } : {}),
          ...(sessionPass && !passTaken.current ? { pass: sessionPass } : {}),
        })
        passTaken.current = true
        sent.current = { seconds: activeSeconds, atEnd, interim }
        spentAs.current = 'read'
        showUnsent()
        failedAt.current = undefined
        advisedSeconds.current = answer.nextBeatSeconds
        if (mounted.current) {
          setError(null)
          onAnswerRef.current(answer)
        }
      } catch (e) {
        failedAt.current = Date.now()
        if (mounted.current) setError(toCloudError(e).message)
      } finally {
        sending.current = false
        const again = sendAgain.current
        if (again) {
          sendAgain.current = undefined
          void send(again.interim)
        }
      }
    },
    [kind, id, sessionId, sessionPass, intervalSeconds, settle, showUnsent],
  )

  const sendRef = useRef(send)
  sendRef.current = send

  useEffect(() => {
    if (!intervalSeconds) return
    let wasReading = true
    const check = () => {
      settle()
      showUnsent()
      const reading = watchingRef.current || listeningRef.current || (visible.current && Date.now() - lastActive.current < IDLE_AFTER_MS)
      const counted = Math.floor(countedMs.current / 1000)
      const gathered = counted - sent.current.seconds
      const waiting = failedAt.current !== undefined && Date.now() - failedAt.current < RETRY_AFTER_MS
      const after = completesAfter.current
      const completes = after !== undefined && position.current.atEnd && sent.current.seconds < after && counted >= after
      // Due: a full interval gathered (reading on), reading just paused with time not yet sent, or the item completes.
      const paused = wasReading && !reading
      if (!waiting && (gathered >= (advisedSeconds.current ?? intervalSeconds) || paused || completes)) void sendRef.current(!paused && !completes)
      wasReading = reading
    }
    const timer = setInterval(check, CHECK_EVERY_MS)
    return () => clearInterval(timer)
  }, [intervalSeconds, settle, showUnsent])

  const readingOn = useRef(false)
  const readOn = useCallback(() => {
    readingOn.current = true
    void sendRef.current(true)
  }, [])

  // Closing the page sends what it counted.
  useEffect(
    () => () => {
      mounted.current = false
      void sendRef.current(readingOn.current)
    },
    [],
  )

  useDidShow(() => {
    settle()
    visible.current = true
    lastActive.current = Date.now()
  })
  useDidHide(() => {
    settle()
    visible.current = false
    void sendRef.current()
  })

  // Audio or video starting or stopping: the time so far is counted the old way, and a stop sends it.
  useEffect(() => {
    if (listeningRef.current === listening && watchingRef.current === watching) return
    settle()
    const stopped = (listeningRef.current && !listening) || (watchingRef.current && !watching)
    listeningRef.current = listening
    watchingRef.current = watching
    lastActive.current = Date.now()
    if (stopped) void sendRef.current()
  }, [listening, watching, settle])

  const addPlayed = useCallback((seconds: number) => {
    if (watchingRef.current && seconds > 0) countedMs.current += seconds * 1000
  }, [])

  const markActive = useCallback(() => {
    settle()
    lastActive.current = Date.now()
  }, [settle])

  const setPosition = useCallback((value: number) => {
    position.current = { ...position.current, value }
  }, [])

  // Once reached, the end stays reached for the session (the server keeps it too); reaching it
  // sends what was counted at once, so a finished item shows 已完成 without waiting for the interval.
  const reachEnd = useCallback(() => {
    if (position.current.atEnd) return
    position.current = { ...position.current, atEnd: true }
    settle()
    if (Math.floor(countedMs.current / 1000) > sent.current.seconds) void sendRef.current()
  }, [settle])

  return { markActive, setPosition, reachEnd, addPlayed, readOn, error, unsentSeconds }
}
