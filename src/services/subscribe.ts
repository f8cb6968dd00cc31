import type { Subscription, TemplateKey } from '../../types'

/**
 * Asking the member to allow subscribe messages (订阅消息). Taro picks `subscribe.weapp.ts`
 * (WeChat's requestSubscribeMessage, which must run in the tap's handler) or `subscribe.h5.ts`
 * (the local cloud's stand-in) at build time; this neutral file refuses on other platforms.
 *
 * Answers what the member chose for each template asked; rejects with a readable message when
 * nothing could be asked.
 */
export interface SubscribeAnswer {
  templateKey: TemplateKey
  accepted: boolean
}

export type AskToSubscribe = (templates: Subscription[]) => Promise<SubscribeAnswer[]>

export const askToSubscribe: AskToSubscribe = async () => {
  throw new Error('当前平台不支持订阅消息')
}
