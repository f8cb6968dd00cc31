import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DeliveryOutcome } from '../../../types'
import { DELIVERY } from '../../utils/delivery'

/** Reached, or will be in the morning; every other outcome means the member got nothing. */
const reaches = (o: DeliveryOutcome) => o.result === 'sent' || o.result === 'deferred' || o.result === 'sending'

/**
 * After a sending page sent (提醒, a new 讨论题's notice): the totals, what became of each member's
 * message when `perMember`, and for those it did not reach the words to paste into the group's chat.
 */
export default function DeliveryReport({
  results,
  chatText,
  perMember,
}: {
  results: DeliveryOutcome[]
  chatText: (names: string[]) => string
  perMember: boolean
}) {
  const sent = results.filter((r) => r.result === 'sent').length
  const later = results.filter((r) => r.result === 'deferred' || r.result === 'sending').length
  const missed = results.filter((r) => !reaches(r))
  const totals = [`已发送 ${sent} 人`, ...(later ? [`稍后发送 ${later} 人`] : []), ...(missed.length ? [`${missed.length} 人收不到`] : [])]
  return (
    <View className='nudge-outcome' ariaRole='alert'>
      <Text className='nudge-outcome__line'>{totals.join('，')}</Text>
      {perMember &&
        results.map((r) => (
          <View key={r._id} className='pair-row nudge-row'>
            <Text className='nudge-row__name'>{r.name}</Text>
            <Text className='nudge-row__state'>{DELIVERY[r.result].text}</Text>
          </View>
        ))}
      {missed.length > 0 && (
        <>
          <Text className='muted'>收不到的成员，可以当面告诉，或把下面的话发到小组群里：</Text>
          <Button className='plain-button' onClick={() => void Taro.setClipboardData({ data: chatText(missed.map((r) => r.name)) })}>
            复制提醒文字
          </Button>
        </>
      )}
    </View>
  )
}
