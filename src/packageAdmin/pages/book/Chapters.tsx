import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AdminBook, Chapter } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { ErrorNotice } from '../../../components/Status'
import { ROUTES, withQuery } from '../../../utils/routes'
import Outcome from '../../components/Outcome'
import { useAction } from '../../utils/useAction'

interface Props {
  book: AdminBook
  chapters: Chapter[]
  /** Why the list could not be brought up to date. */
  refreshFailure: string | null
  refresh: () => Promise<void>
}

/** The book's chapters in order: open one to edit it, move it up or down, or add one at the end. */
export default function Chapters({ book, chapters, refreshFailure, refresh }: Props) {
  const action = useAction()
  const open = (id?: string) => void Taro.navigateTo({ url: withQuery(ROUTES.adminChapter, { bookId: book._id, id }) })

  // saveChapter puts the chapter at `order` and renumbers the others; the list is then reloaded.
  const move = (chapter: Chapter, step: -1 | 1) =>
    void action.run(async () => {
      const order = chapter.order + step
      await callFunction('saveChapter', { id: chapter._id, bookId: book._id, title: chapter.title, body: chapter.body, order })
      await refresh()
      return `「${chapter.title}」已移到第 ${order} 章`
    })

  return (
    <View className='card'>
      <View className='card__title'>{`章节（${chapters.length}）`}</View>
      {refreshFailure && <ErrorNotice message={refreshFailure} onRetry={() => void refresh()} />}
      <Outcome outcome={action.outcome} />
      {chapters.length === 0 && <Text className='section-note'>还没有章节。至少添加一章后，这本书才能上架。</Text>}
      {chapters.map((chapter, index) => (
        <View key={chapter._id} className='row chapter-row'>
          <Text className='chapter-row__order'>{`第 ${chapter.order} 章`}</Text>
          <View className='row__main' onClick={() => open(chapter._id)}>
            <Text className='row__title'>{chapter.title}</Text>
            <Text className='row__sub'>{`${chapter.minutes} 分钟${chapter.audioUrl ? ' · 有音频' : ''} · 点按编辑`}</Text>
          </View>
          <View className='chapter-row__actions'>
            {index > 0 && (
              <View className='text-button' ariaRole='button' ariaLabel={`第 ${chapter.order} 章上移`} onClick={() => move(chapter, -1)}>
                上移
              </View>
            )}
            {index < chapters.length - 1 && (
              <View className='text-button' ariaRole='button' ariaLabel={`第 ${chapter.order} 章下移`} onClick={() => move(chapter, 1)}>
                下移
              </View>
            )}
          </View>
        </View>
      ))}
      <Button className='big-button form-action' onClick={() => open()}>
        添加章节
      </Button>
    </View>
  )
}
