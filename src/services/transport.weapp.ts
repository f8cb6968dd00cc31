import Taro from '@tarojs/taro'
import type { Send } from './transport'
import { CloudError, NETWORK_MESSAGE } from './errors'

export const send: Send = async (name, data) => {
  let res: { result?: unknown }
  try {
    res = await Taro.cloud.callFunction({ name, data })
  } catch (error) {
    console.error(`[cloud] ${name} failed`, error)
    throw new CloudError('NETWORK', NETWORK_MESSAGE)
  }
  return res.result
}
