import { Button, Picker, Text, View } from '@tarojs/components'
import type { AdminArticle, ContentStatus } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import Toggle from '../../../components/Toggle'
import Outcome from '../../components/Outcome'
import { confirm } from '../../utils/confirm'
import { chineseDay, dayKey } from '../../../../types/calendar'
import { useAction } from '../../utils/useAction'

interface Props {
  article: AdminArticle
  /** The form has changes not yet saved: scheduling saves them first. */
  unsaved: boolean
  save: () => Promise<AdminArticle>
  onChanged: (article: AdminArticle) => void
}

/** The statuses from which an article can still be scheduled or queued. */
const WAITING: ContentStatus[] = ['draft', 'queued', 'scheduled']

function stateText(article: AdminArticle): string {
  switch (article.status) {
    case 'draft':
      return '草稿：还没有安排推送。'
    case 'queued':
      return '在待推送队列中：哪天没有排期的文章，就按放入队列的先后推送一篇。'
    case 'scheduled':
      return `已排期：${chineseDay(article.scheduledFor ?? '')} 早上 7:30 推送。`
    case 'published':
      return `已发布：${chineseDay(article.publishedOn ?? '')} 推送。`
    case 'retired':
      return '已下线：不再出现在首页和文章列表中，学习记录保留。'
  }
}

/** When the daily push publishes the article (a Beijing day, or the queue), 推荐, and 下线. */
export default function Publishing({ article, unsaved, save, onChanged }: Props) {
  const action = useAction()
  const today = dayKey(new Date())
  const waiting = WAITING.includes(article.status)

  const schedule = (day: string | null) =>
    void action.run(async () => {
      const saved = await save()
      const after = await callFunction('scheduleArticle', { id: saved._id, day })
      onChanged(after)
      return day ? `已排在 ${chineseDay(day)} 推送` : '已放入待推送队列'
    })

  const recommend = (recommended: boolean) =>
    void action.run(async () => {
      await callFunction('setRecommended', { kind: 'article', id: article._id, recommended })
      onChanged({ ...article, recommended })
      return recommended ? '已推荐，将显示在首页的「推荐阅读」' : '已取消推荐'
    })

  async function retire() {
    const sure = await confirm('下线文章', `下线后「${article.title}」不再出现在首页和文章列表，也不会被推送，学习记录保留。确定下线吗？`, '下线')
    if (!sure) return
    await action.run(async () => {
      onChanged(await callFunction('retireArticle', { id: article._id }))
      return '已下线'
    })
  }

  return (
    <View className='card'>
      <View className='card__title'>推送</View>
      <Text className='section-note article-state'>{stateText(article)}</Text>
      <Outcome outcome={action.outcome} />
      {waiting && (
        <>
          {unsaved && <Text className='section-note'>有未保存的修改：安排推送时会先保存。</Text>}
          <Picker mode='date' value={article.scheduledFor ?? today} start={today} disabled={action.busy} onChange={(e) => schedule(e.detail.value)}>
            <View className='big-button big-button--small form-action'>{article.status === 'scheduled' ? '改排到其他日期' : '排到某一天推送'}</View>
          </Picker>
          {article.status !== 'queued' && (
            <Button className='plain-button form-action' disabled={action.busy} onClick={() => schedule(null)}>
              {article.status === 'scheduled' ? '取消排期，放入待推送队列' : '放入待推送队列'}
            </Button>
          )}
        </>
      )}
      {article.status !== 'retired' && (
        <>
          <Toggle
            label='推荐'
            description='推荐的文章显示在首页的「推荐阅读」和学习页的「推荐」书架'
            checked={article.recommended}
            disabled={action.busy}
            onChange={recommend}
          />
          <Button className='plain-button danger-button form-action' disabled={action.busy} onClick={() => void retire()}>
            下线这篇文章
          </Button>
        </>
      )}
    </View>
  )
}
