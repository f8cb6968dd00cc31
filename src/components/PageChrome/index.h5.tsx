import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES, TAB_PAGES } from '../../utils/routes'
import './index.scss'

/**
 * In the browser, what WeChat would draw: a title bar with 返回 on every page that is not a tab
 * (the reader, a book, the admin and report pages), and tab labels that follow 大字模式 (the tab
 * bar sits outside the page, so the page's font class cannot reach it).
 */
export default function PageChrome({ large }: { large: boolean }) {
  const path = Taro.getCurrentInstance().router?.path?.split('?')[0] ?? ''
  const isTab = TAB_PAGES.some((p) => p === path)
  const [title, setTitle] = useState('')

  useEffect(() => {
    document.body.classList.toggle('large-font', large)
  }, [large])
  // The page's title is set by the router from its config; read once it is.
  useEffect(() => {
    const timer = setTimeout(() => setTitle(document.title), 0)
    return () => clearTimeout(timer)
  }, [path])

  if (isTab || !path) return null
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: ROUTES.home })
  }
  return (
    <View className='page-chrome'>
      <View className='page-chrome__back' ariaRole='button' ariaLabel='返回' onClick={back}>
        ‹ 返回
      </View>
      <Text className='page-chrome__title'>{title}</Text>
    </View>
  )
}
