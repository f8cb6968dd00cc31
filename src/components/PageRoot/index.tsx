import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useLargeFont } from '../../hooks/useLargeFont'
import PageChrome from '../PageChrome'

interface Props {
  className?: string
  children?: ReactNode
}

/**
 * The root of every page: the `.page` layout plus the font-size variables of the current text
 * size (`.app-root`, and `.app-root--large` in 大字模式; see app.scss), and in the browser the
 * bar WeChat would draw (PageChrome).
 */
export default function PageRoot({ className, children }: Props) {
  const large = useLargeFont()
  const classes = ['page', 'app-root', large ? 'app-root--large' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes}>
      <PageChrome large={large} />
      {children}
    </View>
  )
}
