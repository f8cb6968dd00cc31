import Taro from '@tarojs/taro'
import type { AskToSubscribe } from './subscribe'

/**
 * The browser app runs only on the local cloud, where messages go to the outbox (管理后台 →
 * 推送与通知记录) instead of WeChat. WeChat's permission sheet is played by a dialog that says so,
 * and the answer is recorded like WeChat's would be, so the whole flow can be tried.
 */
export const askToSubscribe: AskToSubscribe = async (templates) => {
  const { confirm } = await Taro.showModal({
    title: '订阅消息（本地演示）',
    content: `在微信里，这里会询问是否允许发送「${templates.map((t) => t.title).join('、')}」。本地演示中，允许后提醒会记录在管理后台的通知记录里。`,
    confirmText: '允许',
    cancelText: '拒绝',
  })
  return templates.map((t) => ({ templateKey: t.templateKey, accepted: confirm }))
}
