import Taro from '@tarojs/taro'

/** Asks before a change; true when confirmed. `action` is the confirm button (≤ 4 characters). */
export async function confirm(title: string, content: string, action: string): Promise<boolean> {
  const { confirm: yes } = await Taro.showModal({
    title,
    content,
    confirmText: action,
    cancelText: '取消',
    confirmColor: '#a8201a',
  })
  return yes
}
