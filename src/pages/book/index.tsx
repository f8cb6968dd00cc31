import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ActionOutput } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import PageRoot from '../../components/PageRoot'
import BookCover from '../../components/BookCover'
import ProgressBar from '../../components/ProgressBar'
import { PendingCard } from '../../components/Status'
import { positionText, readerUrl } from '../../utils/reading'
import { queryValue, ROUTES, withQuery } from '../../utils/routes'
import { minutesText } from '../../utils/studyTime'
import './index.scss'
import { chapterLabel } from '../../../types/reading'

type BookView = ActionOutput<'getBook'>
type ChapterRow = BookView['chapters'][number]

const openChapter = (id: string) => void Taro.navigateTo({ url: readerUrl('chapter', id) })

const started = (c: ChapterRow) => c.progress.creditedSeconds > 0 || c.progress.position > 0

/**
 * How near the chapter is to completing, 0..1: it takes both the credited time and reaching the end,
 * so the one further behind.
 */
const towardCompletion = ({ progress: p }: ChapterRow) => Math.min(p.creditedSeconds / p.completeAtSeconds, p.position)

function chapterState(c: ChapterRow): string {
  if (c.progress.completed) return `已完成 · 学习 ${minutesText(c.progress.creditedSeconds)}`
  if (!started(c)) return `未开始 · 约 ${c.minutes} 分钟`
  return `${positionText(c.progress.position)} · 已学 ${minutesText(c.progress.creditedSeconds)}`
}

function Head({ view }: { view: BookView }) {
  const { book, progress } = view
  return (
    <View className='card book-head'>
      <View className='book-head__top'>
        <BookCover title={book.title} url={book.coverUrl} className='book-head__cover' />
        <View className='book-head__who'>
          <Text className='book-head__title'>{book.title}</Text>
          <Text className='book-head__author'>{book.author}</Text>
          <Text className='book-head__meta'>{`${book.categoryName} · ${book.chapterCount} 章 · 约 ${book.totalMinutes} 分钟`}</Text>
          <View>
            {book.requirement === 'required' ? (
              <Text className='tag tag--red'>{book.requiredYear ? `${book.requiredYear} 年必修` : '必修'}</Text>
            ) : (
              <Text className='tag'>选修</Text>
            )}
            {book.recommended && <Text className='tag tag--gold'>推荐</Text>}
          </View>
        </View>
      </View>
      {book.summary !== '' && <Text className='book-head__summary'>{book.summary}</Text>}
      <View className='book-progress'>
        <Text className='book-progress__text'>{progress.completed ? '全书已读完' : `已完成 ${progress.completedChapters}/${progress.chapterCount} 章`}</Text>
        <ProgressBar
          value={progress.completedChapters}
          max={progress.chapterCount}
          label={`已完成 ${progress.completedChapters}/${progress.chapterCount} 章`}
        />
      </View>
      <ContinueButton view={view} />
      <Button
        className='plain-button'
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.reflectionEdit, { kind: 'book', id: book._id, title: `《${book.title}》` }) })}
      >
        写书评
      </Button>
    </View>
  )
}

/** Opens the first chapter not completed:「开始阅读」before any reading, then「继续阅读」. */
function ContinueButton({ view }: { view: BookView }) {
  const next = view.chapters.find((c) => c._id === view.continueChapterId)
  if (!next) return null
  const label = view.chapters.some(started) ? '继续阅读' : '开始阅读'
  return (
    <View className='book-continue'>
      <Button className='big-button' onClick={() => openChapter(next._id)}>
        {label}
      </Button>
      <Text className='book-continue__which'>{chapterLabel(next.order, next.title)}</Text>
    </View>
  )
}

function Chapters({ chapters }: { chapters: ChapterRow[] }) {
  return (
    <View className='card'>
      <View className='card__title'>章节</View>
      {chapters.length === 0 && <Text className='muted'>这本书还没有章节</Text>}
      {chapters.map((c) => (
        <View key={c._id} className={`chapter${c.progress.completed ? ' chapter--done' : ''}`} ariaRole='button' onClick={() => openChapter(c._id)}>
          <Text className='chapter__mark'>{c.progress.completed ? '✓' : c.order}</Text>
          <View className='chapter__text'>
            <Text className='chapter__title'>{chapterLabel(c.order, c.title)}</Text>
            <Text className='chapter__state'>{chapterState(c)}</Text>
            {!c.progress.completed && started(c) && <ProgressBar value={towardCompletion(c)} max={1} label={chapterState(c)} />}
          </View>
          {c.hasAudio && <Text className='tag tag--blue chapter__audio'>可收听</Text>}
          {c.progress.masteredAt ? (
            <Text className='tag tag--green chapter__audio'>已掌握</Text>
          ) : (
            c.progress.completed &&
            c.hasQuiz && (
              <Text
                className='tag tag--gold chapter__audio'
                onClick={(e) => {
                  e.stopPropagation()
                  void Taro.navigateTo({ url: withQuery(ROUTES.quizChapter, { id: c._id }) })
                }}
              >
                做小测
              </Text>
            )
          )}
        </View>
      ))}
    </View>
  )
}

export default function BookPage() {
  const id = queryValue(useRouter().params.id)
  const view = useAsync(() => callFunction('getBook', { id }))
  // Back from a chapter: its progress and the book's have moved.
  useRefreshOnReturn(view.reload)
  usePullDownRefresh(() => {
    void view.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageRoot className='book'>
      {view.data ? (
        <>
          <Head view={view.data} />
          <Chapters chapters={view.data.chapters} />
        </>
      ) : (
        <PendingCard error={view.error} onRetry={view.reload} />
      )}
    </PageRoot>
  )
}
