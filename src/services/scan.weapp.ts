import Taro from '@tarojs/taro'
import type { ScanCode } from './scan'

export type { ScanCode } from './scan'

export const scanCode: ScanCode = async () => {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return result
  } catch {
    // Closed without scanning.
    return null
  }
}
