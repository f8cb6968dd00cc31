import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { Async } from '../../hooks/useAsync'
import { Loading } from '../../components/Status'
import LoadError from './LoadError'

/** The page's content once its data has loaded; until then loading, or the failure with 重试. */
export default function Loaded<T>({ state, children }: { state: Async<T>; children: (data: T) => ReactNode }) {
  if (state.data !== undefined) return <>{children(state.data)}</>
  return <View className='card'>{state.status === 'error' ? <LoadError error={state.error} onRetry={() => void state.reload()} /> : <Loading />}</View>
}
