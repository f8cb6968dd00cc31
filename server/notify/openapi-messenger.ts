import cloud from 'wx-server-sdk'
import type { Messenger } from './messenger'
import { templateConfig, templateData } from './templates'

type Env = Record<string, string | undefined>

/**
 * Sends through `cloud.openapi.subscribeMessage.send` (the function's config.json must list
 * `subscribeMessage.send` under permissions.openapi). SUBSCRIBE_STATE picks the mini-program
 * edition the message opens: `formal` (default), `trial` or `developer`.
 */
export function openapiMessenger(env: Env = process.env): Messenger {
  const miniprogramState = env.SUBSCRIBE_STATE || 'formal'
  return {
    channel: 'openapi',
    async send(message) {
      const config = templateConfig(env)[message.templateKey]
      if (!config) {
        return { ok: false, errCode: 'NO_TEMPLATE', errMsg: `没有配置订阅消息模板 ${message.templateKey}（SUBSCRIBE_TEMPLATES）` }
      }
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: message.touser,
          templateId: config.id,
          page: message.page,
          data: templateData(config, message.data),
          miniprogramState,
          lang: 'zh_CN',
        })
        return { ok: true }
      } catch (err) {
        const e = err as { errCode?: number | string; errMsg?: string; message?: string }
        return { ok: false, errCode: e.errCode ?? 'ERROR', errMsg: e.errMsg ?? e.message ?? String(err) }
      }
    },
  }
}
