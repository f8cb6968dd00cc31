import { Button, Text, View } from '@tarojs/components'
import type { CloudError } from '../../services/errors'
import './index.scss'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='status status--loading'>
      <Text>{text}</Text>
    </View>
  )
}

export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='status status--error'>
      <Text className='status__message'>{message}</Text>
      {onRetry && (
        <Button className='plain-button status__retry' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}

/** A card in place of what a page shows once loaded: 正在加载…, or why loading failed, with 重试. */
export function PendingCard({ error, onRetry }: { error?: CloudError; onRetry: () => void }) {
  return <View className='card'>{error ? <ErrorNotice message={error.message} onRetry={onRetry} /> : <Loading />}</View>
}
