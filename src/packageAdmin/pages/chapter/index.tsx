import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { AdminBook, Chapter } from '../../../../types'
import { CHAPTER_TITLE_MAX } from '../../../../types/constants'
import { checkTexts } from '../../../utils/forms'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { queryValue } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import BodyEditor from '../../components/BodyEditor'
import Field from '../../components/Field'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { bodyOf, emptyBlock, toDrafts, type DraftBlock } from '../../utils/body'
import { loadBook } from '../../utils/content'
import { useAction } from '../../utils/useAction'
import { useDraft } from '../../utils/useDraft'

interface ChapterForm {
  title: string
  audioUrl: string
  blocks: DraftBlock[]
}

const formOf = (chapter: Chapter | null): ChapterForm => ({
  title: chapter?.title ?? '',
  audioUrl: chapter?.audioUrl ?? '',
  blocks: chapter ? toDrafts(chapter.body) : [emptyBlock('paragraph')],
})

function ChapterEditor({ book, initial }: { book: AdminBook; initial: Chapter | null }) {
  const [chapter, setChapter] = useState(initial)
  const form = useDraft(() => formOf(initial))
  const saving = useAction()

  const save = () =>
    void saving.run(async () => {
      const sent = form.value
      checkTexts([['章节标题', sent.title, CHAPTER_TITLE_MAX]])
      const saved = await callFunction('saveChapter', {
        id: chapter?._id,
        bookId: book._id,
        title: sent.title,
        body: bodyOf(sent.blocks),
        // A cleared link is removed.
        audioUrl: sent.audioUrl.trim() || null,
      })
      setChapter(saved.chapter)
      form.markSaved(sent)
      return `已保存：第 ${saved.chapter.order} 章，预计 ${saved.chapter.minutes} 分钟`
    })

  return (
    <View className='card'>
      <View className='card__title'>{chapter ? `编辑第 ${chapter.order} 章` : '添加章节'}</View>
      <Text className='section-note'>{`《${book.title}》${chapter ? '' : `的第 ${book.chapterCount + 1} 章`}`}</Text>
      <Field label='章节标题' value={form.value.title} onInput={(title) => form.set((f) => ({ ...f, title }))} max={CHAPTER_TITLE_MAX} disabled={saving.busy} />
      <Field
        label='音频地址（可不填，用于听书）'
        value={form.value.audioUrl}
        onInput={(audioUrl) => form.set((f) => ({ ...f, audioUrl }))}
        placeholder='https://'
        disabled={saving.busy}
      />
      <BodyEditor blocks={form.value.blocks} onChange={(blocks) => form.set((f) => ({ ...f, blocks }))} disabled={saving.busy} />
      <Outcome outcome={saving.outcome} />
      <Button className={`big-button${saving.busy ? ' big-button--disabled' : ''}`} disabled={saving.busy} onClick={save}>
        {saving.busy ? '正在保存…' : '保存章节'}
      </Button>
    </View>
  )
}

function ChapterPage({ bookId, id }: { bookId: string; id: string }) {
  const loaded = useAsync(async () => {
    const content = await loadBook(bookId)
    const chapter = id ? content.chapters.find((c) => c._id === id) : null
    if (chapter === undefined) throw new CloudError('NOT_FOUND', '没有找到这一章，可能已被删除，请回到书目刷新')
    return { book: content.book, chapter }
  })
  return <Loaded state={loaded}>{({ book, chapter }) => <ChapterEditor book={book} initial={chapter} />}</Loaded>
}

export default function ChapterEditorPage() {
  const { params } = useRouter()
  return <AdminPage orgAdminOnly>{() => <ChapterPage bookId={queryValue(params.bookId)} id={queryValue(params.id)} />}</AdminPage>
}
