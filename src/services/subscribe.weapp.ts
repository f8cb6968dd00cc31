import Taro from '@tarojs/taro'
import type { AskToSubscribe } from './subscribe'

/** WeChat's answer when the member switched subscribe messages off in the mini-program's settings. */
const SWITCHED_OFF = 20004

export const askToSubscribe: AskToSubscribe = async (templates) => {
  const asked = templates.filter((t): t is typeof t & { templateId: string } => t.templateId !== null)
  if (asked.length === 0) throw new Error('提醒功能尚未开通，请联系管理员')
  let answer: Record<string, unknown>
  try {
    // Answers `{ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }`.
    answer = (await Taro.requestSubscribeMessage({ tmplIds: asked.map((t) => t.templateId), entityIds: [] })) as Record<string, unknown>
  } catch (error) {
    const code = (error as { errCode?: number }).errCode
    throw new Error(code === SWITCHED_OFF ? '你关闭了小程序的订阅消息，可在右上角「…」→「设置」中打开' : '没能打开订阅提醒，请稍后再试', { cause: error })
  }
  return asked.map((t) => ({ templateKey: t.templateKey, accepted: answer[t.templateId] === 'accept' }))
}
