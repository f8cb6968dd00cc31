import { createElement, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { MeProvider } from './hooks/useMe'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  return createElement(MeProvider, null, children)
}

export default App
