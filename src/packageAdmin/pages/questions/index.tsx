import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Question } from '../../../../types'
import { QUESTION_TYPE_NAMES } from '../../../../types/constants'
import { optionLetters } from '../../../../types/questions'
import { callFunction } from '../../../services/cloud'
import { usePagedList } from '../../../hooks/usePagedList'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import Chips from '../../../components/Chips'
import SearchBar from '../../../components/SearchBar'
import { ROUTES, withQuery } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import ListCard from '../../components/ListCard'
import { DIFFICULTY_NAMES } from '../../utils/format'

const STATUSES = [
  { value: 'active' as const, label: '在用' },
  { value: 'retired' as const, label: '已停用' },
]

const answerText = (q: Question) => (q.type === 'judge' ? q.options[q.answer[0]] : optionLetters(q.answer))

function Row({ q, onClick }: { q: Question; onClick: () => void }) {
  return (
    <View className='row' onClick={onClick}>
      <View className='row__main'>
        <Text className='row__title'>{q.stem}</Text>
        <Text className='row__sub'>{`${QUESTION_TYPE_NAMES[q.type]} · 答案 ${answerText(q)} · ${DIFFICULTY_NAMES[q.difficulty] ?? ''}`}</Text>
        <View>
          {q.status === 'retired' && <Text className='tag'>已停用</Text>}
          {q.tags.map((t) => (
            <Text key={t} className='tag tag--blue'>
              {t}
            </Text>
          ))}
        </View>
      </View>
      <Text className='row__arrow'>›</Text>
    </View>
  )
}

/** 题库: search by stem words or a tag, filter by status, open a question to edit or add one. */
function QuestionBank() {
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<Question['status'] | undefined>()
  // Every tag in use comes with each page; the chips show the latest.
  const tags = useRef<string[]>([])
  const [, setTagsShown] = useState(0)
  const filter = { query: query || undefined, status }
  const list = usePagedList(async (cursor) => {
    const page = await callFunction('listQuestions', { ...filter, cursor })
    tags.current = page.tags
    setTagsShown((n) => n + 1)
    return page
  }, JSON.stringify(filter))
  useRefreshOnReturn(() => void list.reload())
  const open = (id?: string) => void Taro.navigateTo({ url: withQuery(ROUTES.adminQuestion, { id }) })

  return (
    <View>
      <View className='card'>
        <SearchBar search={query} onSearch={setQuery} placeholder='题干中的字词，或一个标签' maxlength={50} />
        <Chips label='状态' allLabel='全部' choices={STATUSES} value={status} onChange={setStatus} />
        {tags.current.length > 0 && (
          <Chips
            label='标签'
            allLabel='不限'
            choices={tags.current.map((t) => ({ value: t, label: t }))}
            value={tags.current.includes(query) ? query : undefined}
            onChange={(t) => setQuery(t ?? '')}
          />
        )}
      </View>
      <Button className='big-button list-new' onClick={() => open()}>
        新增题目
      </Button>
      <ListCard list={list} empty={query || status ? '没有符合条件的题目' : '题库还是空的：新增题目，或用 npm run import 导入题库文件'}>
        {(q) => <Row key={q._id} q={q} onClick={() => open(q._id)} />}
      </ListCard>
    </View>
  )
}

export default function QuestionsPage() {
  return <AdminPage>{() => <QuestionBank />}</AdminPage>
}
