import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { AdminArticle, ActionInput } from '../../../../types'
import { ARTICLE_SUMMARY_MAX, ARTICLE_TITLE_MAX, SOURCE_MAX } from '../../../../types/constants'
import { checkTexts } from '../../../utils/forms'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { queryValue } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import BodyEditor from '../../components/BodyEditor'
import CategoryField from '../../components/CategoryField'
import Field from '../../components/Field'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { bodyOf, emptyBlock, toDrafts, type DraftBlock } from '../../utils/body'
import { CONTENT_STATUS_NAMES } from '../../utils/format'
import { useAction } from '../../utils/useAction'
import { useDraft } from '../../utils/useDraft'
import Publishing from './Publishing'

interface ArticleForm {
  title: string
  summary: string
  source: string
  categoryId: string
  audioUrl: string
  videoUrl: string
  /** The video's length as typed: 分:秒 (12:30) or seconds. */
  videoLength: string
  videoCoverUrl: string
  blocks: DraftBlock[]
}

function formOf(article: AdminArticle | null): ArticleForm {
  return {
    title: article?.title ?? '',
    summary: article?.summary ?? '',
    source: article?.source ?? '',
    categoryId: article?.categoryId ?? '',
    audioUrl: article?.audioUrl ?? '',
    videoUrl: article?.videoUrl ?? '',
    videoLength: article?.videoSeconds ? `${Math.floor(article.videoSeconds / 60)}:${String(article.videoSeconds % 60).padStart(2, '0')}` : '',
    videoCoverUrl: article?.videoCoverUrl ?? '',
    blocks: article ? toDrafts(article.body) : [emptyBlock('paragraph')],
  }
}

/** What saveArticle is sent (a body with a bad block is refused before sending). */
function saveInput(id: string | undefined, form: ArticleForm): ActionInput<'saveArticle'> {
  const body = bodyOf(form.blocks)
  checkTexts([
    ['标题', form.title, ARTICLE_TITLE_MAX],
    ['摘要', form.summary, ARTICLE_SUMMARY_MAX],
    ['来源', form.source, SOURCE_MAX],
  ])
  return {
    id,
    title: form.title,
    summary: form.summary,
    source: form.source,
    categoryId: form.categoryId,
    body,
    // A cleared link is removed.
    audioUrl: form.audioUrl.trim() || null,
    videoUrl: form.videoUrl.trim() || null,
    videoSeconds: form.videoUrl.trim() ? secondsOf(form.videoLength) : null,
    videoCoverUrl: form.videoUrl.trim() ? form.videoCoverUrl.trim() || null : null,
  }
}

/** 12:30 or 750 as seconds; what the server refuses (nothing, nonsense) goes as it is for its message. */
function secondsOf(text: string): number | null {
  const t = text.trim()
  const m = /^(\d+)[:：](\d{1,2})$/.exec(t)
  if (m) return Number(m[1]) * 60 + Number(m[2])
  return /^\d+$/.test(t) ? Number(t) : null
}

function ArticleEditor({ initial }: { initial: AdminArticle | null }) {
  const [article, setArticle] = useState(initial)
  const form = useDraft(() => formOf(initial))
  const saving = useAction()
  const { value } = form
  const retired = article?.status === 'retired'
  const locked = saving.busy || retired
  const edit = (field: Exclude<keyof ArticleForm, 'blocks'>) => (text: string) => form.set((f) => ({ ...f, [field]: text }))

  /** Saves what is typed, when it differs from what the server holds; answers the article saved. */
  async function save(): Promise<AdminArticle> {
    if (article && !form.dirty) return article
    const sent = value
    const saved = await callFunction('saveArticle', saveInput(article?._id, sent))
    setArticle(saved)
    form.markSaved(sent)
    return saved
  }

  return (
    <View>
      <View className='card'>
        <View className='card__title'>{article ? '编辑文章' : '新建文章'}</View>
        {article && <Text className='section-note'>{`状态：${CONTENT_STATUS_NAMES[article.status]} · 预计阅读 ${article.minutes} 分钟`}</Text>}
        {retired && <Text className='message message--error'>这篇文章已下线，不能再修改。</Text>}
        <Field label='标题' value={value.title} onInput={edit('title')} max={ARTICLE_TITLE_MAX} disabled={locked} />
        <Field label='摘要' value={value.summary} onInput={edit('summary')} max={ARTICLE_SUMMARY_MAX} multiline disabled={locked} />
        <Field label='来源' value={value.source} onInput={edit('source')} max={SOURCE_MAX} placeholder='如：人民日报' disabled={locked} />
        <CategoryField value={value.categoryId} onChange={(categoryId) => form.set((f) => ({ ...f, categoryId }))} />
        <Field label='音频地址（可不填）' value={value.audioUrl} onInput={edit('audioUrl')} placeholder='https://' disabled={locked} />
        <Field label='视频地址（可不填）' value={value.videoUrl} onInput={edit('videoUrl')} placeholder='https://' disabled={locked} />
        {value.videoUrl.trim() !== '' && (
          <>
            <Field label='视频时长（分:秒，如 12:30）' value={value.videoLength} onInput={edit('videoLength')} placeholder='12:30' disabled={locked} />
            <Field label='视频封面地址（可不填）' value={value.videoCoverUrl} onInput={edit('videoCoverUrl')} placeholder='https://' disabled={locked} />
          </>
        )}
        <BodyEditor blocks={value.blocks} onChange={(blocks) => form.set((f) => ({ ...f, blocks }))} disabled={locked} />
        <Outcome outcome={saving.outcome} />
        {!retired && (
          <Button
            className={`big-button${saving.busy ? ' big-button--disabled' : ''}`}
            disabled={saving.busy}
            onClick={() =>
              void saving.run(async () => {
                await save()
                return article ? '已保存' : '已保存为草稿'
              })
            }
          >
            {saving.busy ? '正在保存…' : article ? '保存' : '保存为草稿'}
          </Button>
        )}
      </View>
      {article && <Publishing article={article} unsaved={form.dirty} save={save} onChanged={setArticle} />}
    </View>
  )
}

function ArticlePage({ id }: { id: string }) {
  const loaded = useAsync(async () => (id ? await callFunction('getContent', { kind: 'article', id }) : null))
  return <Loaded state={loaded}>{(content) => <ArticleEditor initial={content?.kind === 'article' ? content.article : null} />}</Loaded>
}

export default function ArticleEditorPage() {
  const { params } = useRouter()
  const id = queryValue(params.id)
  return <AdminPage orgAdminOnly>{() => <ArticlePage id={id} />}</AdminPage>
}
