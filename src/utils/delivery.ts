import type { NotificationResult } from '../../types'

/**
 * What became of a subscribe message, as every page that sends one says it (the outbox, 提醒): the
 * words and the tag's colour. Only `sent` reached the member.
 */
export const DELIVERY: Record<NotificationResult, { text: string; tag: string }> = {
  sending: { text: '正在发送', tag: 'tag--blue' },
  sent: { text: '已发送', tag: 'tag--green' },
  failed: { text: '发送失败', tag: 'tag--red' },
  noGrant: { text: '未订阅，没有发送', tag: '' },
  deferred: { text: '夜间免打扰，早上 7:30 发送', tag: 'tag--blue' },
  dailyCap: { text: '已达当天上限，没有发送', tag: 'tag--gold' },
}
