import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ActionOutput, QuizAnswer } from '../../../../types'
import { monthDay } from '../../../../types/calendar'
import { WRONG_CLEARED_AFTER } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { newRequestKey } from '../../../utils/requestKey'
import QuestionCard from '../../components/QuestionCard'
import Explanation from '../../components/Explanation'
import '../../quiz.scss'

type Item = ActionOutput<'listWrongAnswers'>['items'][number]

/** Shown this many at a time. */
const STEP = 10

/** What the count towards clearing says after an attempt. */
const standing = (rights: number, cleared: boolean) =>
  cleared ? `连续答对 ${WRONG_CLEARED_AFTER} 次，这道题已移出错题本` : `再答对 ${WRONG_CLEARED_AFTER - rights} 次就移出错题本`

/** One missed question, answered again in place. */
function Retry({ item }: { item: Item }) {
  const [picked, setPicked] = useState<number[]>([])
  const [result, setResult] = useState<{ answer: QuizAnswer; rights: number; cleared: boolean } | null>(null)
  const attempt = useAction()
  // One key per attempt: a retried request counts once.
  const key = useRef(newRequestKey())
  const send = () =>
    void attempt.run(async () => {
      setResult(await callFunction('retryWrongAnswer', { questionId: item.question._id, choice: picked, requestKey: key.current }))
    })
  const again = () => {
    key.current = newRequestKey()
    setResult(null)
    setPicked([])
  }
  return (
    <View className='card'>
      <Text className='quiz-progress'>{`${monthDay(item.lastWrongOn)} 答错 · 共错 ${item.wrong} 次`}</Text>
      <QuestionCard question={item.question} picked={picked} onPick={setPicked} answer={result?.answer} disabled={attempt.busy} />
      {result ? (
        <>
          <Explanation answer={result.answer} question={item.question} />
          <Text className='quiz-note'>{standing(result.rights, result.cleared)}</Text>
          {!result.cleared && (
            <Button className='plain-button' onClick={again}>
              再做一遍
            </Button>
          )}
        </>
      ) : (
        <>
          {attempt.error && <Text className='message message--error'>{attempt.error}</Text>}
          <Text className='quiz-note'>{standing(item.rights, false)}</Text>
          <Button
            className={`big-button${picked.length === 0 || attempt.busy ? ' big-button--disabled' : ''}`}
            disabled={picked.length === 0 || attempt.busy}
            onClick={send}
          >
            {attempt.busy ? '正在提交…' : '提交答案'}
          </Button>
        </>
      )}
    </View>
  )
}

/** 错题本: every question answered wrong, to answer again until it is right twice. */
export default function WrongBookPage() {
  const book = useAsync(() => callFunction('listWrongAnswers', {}))
  const [shown, setShown] = useState(STEP)
  usePullDownRefresh(() => {
    void book.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = book.data
  return (
    <PageRoot>
      <View className='banner banner--compact'>
        <Text className='banner__title'>错题本</Text>
        <Text className='banner__sub'>{data ? `共 ${data.total} 道题待巩固` : '答错的题都在这里'}</Text>
        <Text className='banner__note'>{`每道题再答对 ${WRONG_CLEARED_AFTER} 次就移出错题本。这里答题不计积分。`}</Text>
      </View>
      {!data ? (
        <PendingCard error={book.status === 'error' ? book.error : undefined} onRetry={() => void book.reload()} />
      ) : data.items.length === 0 ? (
        <View className='card'>
          <Text className='quiz-note'>错题本是空的：答错的题会自动记在这里。</Text>
        </View>
      ) : (
        <>
          {data.items.slice(0, shown).map((item) => (
            <Retry key={item.question._id} item={item} />
          ))}
          {shown < data.items.length && (
            <Button className='plain-button' onClick={() => setShown((n) => n + STEP)}>
              {`再看 ${Math.min(STEP, data.items.length - shown)} 道`}
            </Button>
          )}
          {data.total > data.items.length && <Text className='quiz-note'>{`这里列出最近答错的 ${data.items.length} 道。`}</Text>}
        </>
      )}
    </PageRoot>
  )
}
