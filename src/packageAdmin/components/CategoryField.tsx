import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import Chips from '../../components/Chips'
import { Loading } from '../../components/Status'
import LoadError from './LoadError'

/** The 分类 of an article or a book, from the organisation's list of categories. */
export default function CategoryField({ value, onChange }: { value: string; onChange: (categoryId: string) => void }) {
  const categories = useAsync(() => callFunction('listCategories', {}))
  let choice
  if (categories.data) {
    choice = (
      <Chips choices={categories.data.items.map((c) => ({ value: c._id, label: c.name }))} value={value || undefined} onChange={(id) => onChange(id ?? '')} />
    )
  } else if (categories.status === 'error') {
    choice = <LoadError error={categories.error} onRetry={() => void categories.reload()} />
  } else {
    choice = <Loading />
  }
  return (
    <View className='field'>
      <Text className='field__label'>分类</Text>
      {choice}
    </View>
  )
}
