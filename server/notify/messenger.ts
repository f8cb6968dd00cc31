import type { TemplateKey } from '../../types'

/** A subscribe message (订阅消息) ready to go: who, which template, where it opens, its fields. */
export interface SubscribeMessage {
  touser: string
  templateKey: TemplateKey
  /** The mini-program page the message opens. */
  page: string
  /** Semantic fields (`title`, `date`, `note`); the messenger maps them to the template's. */
  data: Record<string, string>
}

export type SendOutcome = { ok: true } | { ok: false; errCode: number | string; errMsg: string }

/**
 * Where subscribe messages go: WeChat's openapi in the cloud, an outbox (the send records
 * themselves) in the local cloud and the tests.
 */
export interface Messenger {
  readonly channel: 'openapi' | 'outbox'
  send(message: SubscribeMessage): Promise<SendOutcome>
}

/** Records only: the send record written by the notification service is the outbox entry. */
export const outboxMessenger: Messenger = {
  channel: 'outbox',
  send: async () => ({ ok: true }),
}
