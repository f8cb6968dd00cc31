import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  /** The words searched for now ('' when not searching). */
  search: string
  onSearch: (words: string) => void
  placeholder: string
  maxlength: number
}

/** A search box with 搜索; while a search is on, says what is searched and offers 清除. */
export default function SearchBar({ search, onSearch, placeholder, maxlength }: Props) {
  const [typed, setTyped] = useState(search)
  const submit = () => onSearch(typed.trim())
  return (
    <View className='search-bar'>
      <View className='search-bar__row'>
        <Input
          className='field__input search-bar__input'
          value={typed}
          maxlength={maxlength}
          placeholder={placeholder}
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={submit}
        />
        <Button className='big-button big-button--small search-bar__button' onClick={submit}>
          搜索
        </Button>
      </View>
      {search && (
        <View className='search-bar__current'>
          <Text>{`正在搜索「${search}」`}</Text>
          <Text
            className='search-bar__clear'
            onClick={() => {
              setTyped('')
              onSearch('')
            }}
          >
            清除
          </Text>
        </View>
      )}
    </View>
  )
}
