import { useMemo, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { BookProgress, ItemProgress, StudyKind } from '../../../types'
import { STUDY_KINDS, VIDEO_WATCHED_SHARE } from '../../../types/constants'
import { useAsync } from '../../hooks/useAsync'
import PageRoot from '../../components/PageRoot'
import NotRegistered from '../../components/NotRegistered'
import { ErrorNotice, Loading } from '../../components/Status'
import { readerUrl } from '../../utils/reading'
import { newRequestKey } from '../../utils/requestKey'
import { durationText } from '../../../types/reading'
import { sentenceAt, spokenSentences, type SpokenSentence } from '../../../types/speech'
import { queryValue, ROUTES } from '../../utils/routes'
import Blocks from './Blocks'
import GuestInvite from './GuestInvite'
import ListenBar, { type ListenSource } from './ListenBar'
import { createAudioPlayer } from '../../services/audio'
import { createSpeechPlayer } from '../../services/speech'
import VideoPlayer from './VideoPlayer'
import StudyCard, { type Completion } from './StudyCard'
import { loadReadable, type Readable } from './readable'
import { END_MARKER_ID, useReadingPosition } from './useReadingPosition'
import { weekMoved } from '../../hooks/useSharedWeek'
import { useStudyTimer, type BeatAnswer } from './useStudyTimer'
import './index.scss'

const IGNORE = () => undefined

/** 阅读: an article or a chapter, with listening, saved progress and server-credited study time. */
export default function Reader() {
  const { params } = useRouter()
  const asked = queryValue(params.kind)
  const kind: StudyKind = STUDY_KINDS.find((k) => k === asked) ?? 'article'
  const id = queryValue(params.id)
  // One reading session per page view: the server tells a replayed or duplicated heartbeat by it.
  const sessionId = useRef(newRequestKey()).current
  const data = useAsync(() => loadReadable(kind, id, sessionId))
  const item = data.data?.item

  useShareAppMessage(() => ({
    title: item?.title ?? '学习圈',
    path: item ? readerUrl(item.kind, item.id) : ROUTES.home,
  }))

  if (item && data.data)
    return <ReaderView item={item} sessionId={sessionId} heartbeatSeconds={data.data.heartbeatSeconds} sessionPass={data.data.sessionPass} />
  return (
    <PageRoot className='reader'>
      {data.status === 'error' ? (
        data.error.code === 'NOT_REGISTERED' ? (
          <NotRegistered />
        ) : (
          <ErrorNotice message={data.error.message} onRetry={data.error.code === 'NOT_FOUND' ? undefined : data.reload} />
        )
      ) : (
        <Loading text='正在打开…' />
      )}
    </PageRoot>
  )
}

function ReaderView({
  item,
  sessionId,
  heartbeatSeconds,
  sessionPass,
}: {
  item: Readable
  sessionId: string
  heartbeatSeconds: number | null
  sessionPass: string | null
}) {
  const [progress, setProgress] = useState<ItemProgress>(item.progress)
  const [todaySeconds, setTodaySeconds] = useState<number | null>(null)
  const [book, setBook] = useState<BookProgress | null>(null)
  const [completion, setCompletion] = useState<Completion | null>(null)
  const [listening, setListening] = useState(false)
  const [watching, setWatching] = useState(false)
  const [spoken, setSpoken] = useState(-1)
  const sentences = useMemo(() => spokenSentences(item.title, item.body), [item])
  const listen = useMemo(() => listenSource(item, sentences), [item, sentences])

  function onAnswer(answer: BeatAnswer) {
    if (answer.creditedSeconds > 0 || answer.justCompleted) weekMoved()
    setProgress(answer.progress)
    setTodaySeconds(answer.todaySeconds)
    if (answer.book) setBook(answer.book)
    if (answer.justCompleted) {
      const done: Completion = { seconds: answer.itemSeconds, bookCompleted: answer.book?.justCompleted ?? false }
      setCompletion(done)
      void Taro.showToast({ title: completionText(item, done), icon: 'none', duration: 3000 })
    }
  }

  const timer = useStudyTimer({
    kind: item.kind,
    id: item.id,
    sessionId,
    sessionPass,
    intervalSeconds: heartbeatSeconds ?? undefined,
    listening,
    watching,
    completesAfterSeconds: item.progress.completed ? undefined : Math.max(0, item.progress.completeAtSeconds - item.progress.creditedSeconds),
    onAnswer,
  })
  // A video item's place is how much of the video was played; a text's, how far down the page.
  useReadingPosition(item.progress.position, item.video ? IGNORE : timer.setPosition, item.video ? IGNORE : timer.reachEnd)

  const go = (link: { _id: string }) => {
    timer.readOn()
    void Taro.redirectTo({ url: readerUrl('chapter', link._id) })
  }

  return (
    <PageRoot className='reader'>
      <View className='reader__page' onTouchStart={timer.markActive} onClick={timer.markActive}>
        {item.guest && <GuestInvite />}
        <View className='reader__head'>
          <Text className='reader__title'>{item.title}</Text>
          <Text className='reader__byline'>{item.byline}</Text>
          <Text className='reader__meta'>
            {item.video
              ? `视频 ${durationText(item.video.seconds)}`
              : `预计阅读 ${item.minutes} 分钟${!listen && item.speechPending ? ' · 语音朗读稍后可听' : ''}`}
          </Text>
        </View>
        {listen && (
          <ListenBar
            source={listen.source}
            onPlayingChange={(playing) => {
              setListening(playing)
              if (!playing) setSpoken(-1)
              timer.markActive()
            }}
            onEnded={timer.reachEnd}
            onPlace={(place) => {
              const sentence = listen.sentenceAt(place)
              if (sentence !== null) setSpoken(sentence)
            }}
          />
        )}
        {item.video && (
          <VideoPlayer
            video={item.video}
            onPlayingChange={(playing) => {
              setWatching(playing)
              timer.markActive()
            }}
            onPlayed={timer.addPlayed}
            onShare={(share) => {
              timer.setPosition(share)
              if (share >= VIDEO_WATCHED_SHARE) timer.reachEnd()
            }}
          />
        )}
        <Blocks body={item.body} spoken={spoken >= 0 ? sentences[spoken] : null} />
        <View id={END_MARKER_ID} className='reader__end'>
          — 全文完 —
        </View>
        {!item.guest && (
          <StudyCard
            item={item}
            progress={progress}
            todaySeconds={todaySeconds}
            book={book}
            completion={completion}
            completionText={completion ? completionText(item, completion) : null}
            error={timer.error}
            unsentSeconds={timer.unsentSeconds}
          />
        )}
        {item.book && (
          <View className='reader__nav'>
            {item.previous && (
              <Button className='plain-button reader__nav-button' onClick={() => go(item.previous!)}>
                {`上一章：${item.previous.title}`}
              </Button>
            )}
            {item.next && (
              <Button className='plain-button reader__nav-button' onClick={() => go(item.next!)}>
                {`下一章：${item.next.title}`}
              </Button>
            )}
          </View>
        )}
      </View>
    </PageRoot>
  )
}

/**
 * What 收听 plays, if anything (a video is watched): a recording by a person when there is one, else
 * the text read aloud by the speech engine (with its sentence cues), else read by the phone where it
 * can; with, for highlighting, the sentence being read at a place.
 */
function listenSource(item: Readable, sentences: SpokenSentence[]): { source: ListenSource; sentenceAt(place: number): number | null } | null {
  if (item.video) return null
  const placeKey = `${item.kind}:${item.id}`
  const shown = { title: item.title, subtitle: item.book?.title ?? item.byline }
  const recording = item.audioUrl ? { src: item.audioUrl, cues: null } : item.speech ? { src: item.speech.url, cues: item.speech.cues } : null
  if (recording) {
    // Highlighting follows the recording only when it reads these very sentences.
    const cues = recording.cues && recording.cues.length === sentences.length ? recording.cues : null
    return {
      source: {
        open: (startAt, events) => createAudioPlayer({ ...shown, src: recording.src, startAt }, events),
        placeKey,
        keepEvery: 5,
        note: item.audioUrl ? '可以边听边看' : '语音朗读全文，可以边听边看',
      },
      sentenceAt: (seconds) => (cues ? sentenceAt(cues, seconds) : null),
    }
  }
  const speak = createSpeechPlayer
  if (!speak) return null
  return {
    source: {
      open: (startAt, events) => speak({ ...shown, sentences: sentences.map((s) => s.text) }, startAt, events),
      placeKey: `${placeKey}:sentence`,
      keepEvery: 1,
      note: '手机朗读全文，可以边听边看',
    },
    sentenceAt: (sentence) => sentence,
  }
}

/** 「本章已完成 · +3 分 10 秒」, as the member sees it the moment the server says so. */
function completionText(item: Readable, { seconds }: Completion): string {
  return `${item.kind === 'chapter' ? '本章' : '本篇'}已完成 · +${durationText(seconds)}`
}
