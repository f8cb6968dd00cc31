import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { AdminBook, BookStatus, ActionInput } from '../../../../types'
import { AUTHOR_MAX, BOOK_SUMMARY_MAX, BOOK_TITLE_MAX } from '../../../../types/constants'
import { checkTexts } from '../../../utils/forms'
import { callFunction } from '../../../services/cloud'
import { toCloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import Toggle from '../../../components/Toggle'
import { queryValue } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import CategoryField from '../../components/CategoryField'
import Field from '../../components/Field'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { confirm } from '../../utils/confirm'
import { CONTENT_STATUS_NAMES } from '../../utils/format'
import { loadBook, type BookContent } from '../../utils/content'
import { useAction } from '../../utils/useAction'
import { useDraft } from '../../utils/useDraft'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import Chapters from './Chapters'
import Requirement from './Requirement'
import './index.scss'

interface BookForm {
  title: string
  author: string
  summary: string
  categoryId: string
  coverUrl: string
}

const formOf = (book: AdminBook | null): BookForm => ({
  title: book?.title ?? '',
  author: book?.author ?? '',
  summary: book?.summary ?? '',
  categoryId: book?.categoryId ?? '',
  coverUrl: book?.coverUrl ?? '',
})

function saveInput(id: string | undefined, form: BookForm, status?: BookStatus): ActionInput<'saveBook'> {
  checkTexts([
    ['书名', form.title, BOOK_TITLE_MAX],
    ['作者', form.author, AUTHOR_MAX],
    ['简介', form.summary, BOOK_SUMMARY_MAX],
  ])
  // A cleared cover is removed.
  return { id, ...form, coverUrl: form.coverUrl.trim() || null, status }
}

function BookEditor({ initial }: { initial: BookContent | null }) {
  const [book, setBook] = useState(initial?.book ?? null)
  const [chapters, setChapters] = useState(initial?.chapters ?? [])
  const [refreshFailure, setRefreshFailure] = useState<string | null>(null)
  const form = useDraft(() => formOf(book))
  const saving = useAction()
  const edit = (field: keyof BookForm) => (text: string) => form.set((f) => ({ ...f, [field]: text }))

  async function refresh(id: string) {
    setRefreshFailure(null)
    try {
      const loaded = await loadBook(id)
      setBook(loaded.book)
      setChapters(loaded.chapters)
    } catch (error) {
      setRefreshFailure(toCloudError(error).message)
    }
  }
  // Back from a chapter: its changes move the book's chapters and minutes.
  useRefreshOnReturn(() => {
    if (book) void refresh(book._id)
  })

  /** Saves the form, with a new status when given. */
  const save = (status: BookStatus | undefined, done: string) =>
    void saving.run(async () => {
      const sent = form.value
      setBook(await callFunction('saveBook', saveInput(book?._id, sent, status)))
      form.markSaved(sent)
      return done
    })

  async function retire() {
    if (!book) return
    const sure = await confirm('下架书目', `下架后「${book.title}」不再出现在学习页，已有的学习记录保留。确定下架吗？`, '下架')
    if (sure) save('retired', '已下架')
  }

  const recommend = (target: AdminBook, recommended: boolean) =>
    void saving.run(async () => {
      await callFunction('setRecommended', { kind: 'book', id: target._id, recommended })
      setBook({ ...target, recommended })
      return recommended ? '已推荐，将显示在学习页的推荐栏目' : '已取消推荐'
    })

  const busy = saving.busy
  return (
    <View>
      <View className='card'>
        <View className='card__title'>{book ? '编辑书目' : '新建书目'}</View>
        {book && <Text className='section-note'>{`状态：${CONTENT_STATUS_NAMES[book.status]} · ${book.chapterCount} 章 · 共 ${book.totalMinutes} 分钟`}</Text>}
        <Field label='书名' value={form.value.title} onInput={edit('title')} max={BOOK_TITLE_MAX} disabled={busy} />
        <Field label='作者' value={form.value.author} onInput={edit('author')} max={AUTHOR_MAX} disabled={busy} />
        <Field label='简介' value={form.value.summary} onInput={edit('summary')} max={BOOK_SUMMARY_MAX} multiline disabled={busy} />
        <CategoryField value={form.value.categoryId} onChange={(categoryId) => form.set((f) => ({ ...f, categoryId }))} />
        <Field label='封面图片地址（可不填）' value={form.value.coverUrl} onInput={edit('coverUrl')} placeholder='https://' disabled={busy} />
        <Outcome outcome={saving.outcome} />
        <Button
          className={`big-button${busy ? ' big-button--disabled' : ''}`}
          disabled={busy}
          onClick={() => save(undefined, book ? '已保存' : '已保存为草稿，接下来请添加章节')}
        >
          {busy ? '正在保存…' : book ? '保存' : '保存为草稿'}
        </Button>
        {book && book.status !== 'published' && (
          <Button className='plain-button form-action' disabled={busy} onClick={() => save('published', '已上架，党员可以在学习页看到这本书')}>
            {form.dirty ? '保存并上架' : '上架'}
          </Button>
        )}
        {book?.status === 'published' && (
          <Button className='plain-button danger-button form-action' disabled={busy} onClick={() => void retire()}>
            下架这本书
          </Button>
        )}
        {book && book.status !== 'retired' && (
          <Toggle
            label='推荐'
            description='推荐的书目显示在学习页的推荐栏目'
            checked={book.recommended}
            disabled={busy}
            onChange={(on) => recommend(book, on)}
          />
        )}
      </View>
      {book && <Requirement book={book} onChanged={setBook} />}
      {book && <Chapters book={book} chapters={chapters} refreshFailure={refreshFailure} refresh={() => refresh(book._id)} />}
    </View>
  )
}

function BookPage({ id }: { id: string }) {
  const loaded = useAsync(async () => (id ? await loadBook(id) : null))
  return <Loaded state={loaded}>{(initial) => <BookEditor initial={initial} />}</Loaded>
}

export default function BookEditorPage() {
  const { params } = useRouter()
  const id = queryValue(params.id)
  return <AdminPage orgAdminOnly>{() => <BookPage id={id} />}</AdminPage>
}
