import { Text, View } from '@tarojs/components'
import type { ArticleSummary } from '../../../types'
import './index.scss'

export default function ArticleList({ items }: { items: ArticleSummary[] }) {
  if (items.length === 0) {
    return <View className='article-list__empty'>暂无文章</View>
  }
  return (
    <View className='article-list'>
      {items.map((article) => (
        <View key={article._id} className='article-list__item'>
          <Text className='article-list__title'>{article.title}</Text>
          <Text className='article-list__meta'>{`${article.source} · ${article.publishedOn}`}</Text>
          {article.summary !== '' && <Text className='article-list__summary'>{article.summary}</Text>}
        </View>
      ))}
    </View>
  )
}
