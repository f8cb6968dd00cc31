import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PromptStatus, PromptSummary } from '../../../types'
import { monthDay } from '../../../types/calendar'
import { ROUTES, withQuery } from '../../utils/routes'
import './index.scss'

export const STATUS_TEXT: Record<PromptStatus, string> = { open: '讨论中', closed: '已结束', archived: '已归档' }

/** One 讨论题 in a list: tap to open its thread. */
export default function PromptCard({ prompt, memberCount }: { prompt: PromptSummary; memberCount?: number }) {
  const took = memberCount === undefined ? `${prompt.participantCount} 人参与` : `${prompt.participantCount}/${memberCount} 人参与`
  return (
    <View className='prompt-card' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.groupPrompt, { id: prompt._id }) })}>
      <View className='prompt-card__head'>
        {prompt.pinned && <Text className='tag tag--red'>置顶</Text>}
        <Text className={`tag ${prompt.status === 'open' ? 'tag--green' : 'tag--gold'}`}>{STATUS_TEXT[prompt.status]}</Text>
      </View>
      <Text className='prompt-card__title'>{prompt.title}</Text>
      <Text className='prompt-card__excerpt'>{prompt.excerpt}</Text>
      <Text className='prompt-card__meta'>
        {`${prompt.authorName} · ${prompt.replyCount} 条回复 · ${took}${prompt.closesOn ? ` · ${monthDay(prompt.closesOn)}截止` : ''}`}
      </Text>
    </View>
  )
}
