import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { GetDailyQuizOutput, QuizAnswer } from '../../../../types'
import { chineseDay } from '../../../../types/calendar'
import { DAILY_QUIZ_FRESH_DAYS } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { ROUTES } from '../../../utils/routes'
import QuestionCard from '../../components/QuestionCard'
import Explanation from '../../components/Explanation'
import '../../quiz.scss'

type Quiz = GetDailyQuizOutput

const toWrongBook = () => void Taro.navigateTo({ url: ROUTES.quizWrong })

/** The day's tally: right answers, and the points the ledger gives them (capped). */
function Summary({ quiz }: { quiz: Quiz }) {
  const right = quiz.answers.filter((a) => a.correct).length
  const stemOf = (a: QuizAnswer) => quiz.questions.find((q) => q._id === a.questionId)?.stem ?? ''
  return (
    <View className='card'>
      <View className='card__title'>今天的题答完了</View>
      <Text className='quiz-verdict'>{`答对 ${right} / ${quiz.questions.length} 题，得 ${quiz.points} 分`}</Text>
      <Text className='quiz-note'>{`每答对一题得 ${quiz.each} 分，每天最多 ${quiz.cap} 分；答错的题已放进错题本。明天还有新题。`}</Text>
      {quiz.answers.map((a) => (
        <View key={a.questionId} className='pair-row'>
          <Text className='quiz-result__stem'>{stemOf(a)}</Text>
          <Text className={`tag ${a.correct ? 'tag--green' : 'tag--red'}`}>{a.correct ? '答对' : '答错'}</Text>
        </View>
      ))}
      <Button className='plain-button' onClick={toWrongBook}>
        去错题本
      </Button>
    </View>
  )
}

/** One question at a time: pick, 提交, see why, 下一题. */
function Questions({ quiz, onAnswered }: { quiz: Quiz; onAnswered: (answer: QuizAnswer, points: number) => void }) {
  const answered = new Set(quiz.answers.map((a) => a.questionId))
  // The question just answered stays on screen with its explanation until 下一题.
  const [showing, setShowing] = useState<string | null>(null)
  const [picked, setPicked] = useState<number[]>([])
  const submit = useAction()
  const question = quiz.questions.find((q) => q._id === showing) ?? quiz.questions.find((q) => !answered.has(q._id))
  if (!question) return <Summary quiz={quiz} />
  const answer = quiz.answers.find((a) => a.questionId === question._id)
  const position = quiz.questions.indexOf(question) + 1
  const left = quiz.questions.filter((q) => !answered.has(q._id)).length

  const send = () =>
    void submit.run(async () => {
      const result = await callFunction('submitDailyQuiz', { questionId: question._id, choice: picked })
      setShowing(question._id)
      onAnswered(result.answer, result.points)
    })
  const next = () => {
    setShowing(null)
    setPicked([])
  }

  return (
    <View className='card'>
      <Text className='quiz-progress'>{`第 ${position} 题 · 共 ${quiz.questions.length} 题 · 已得 ${quiz.points} 分`}</Text>
      <QuestionCard question={question} picked={picked} onPick={setPicked} answer={answer} disabled={submit.busy} />
      {answer ? (
        <>
          <Explanation answer={answer} question={question} />
          <Button className='big-button' onClick={next}>
            {left > 0 ? '下一题' : '看今天的结果'}
          </Button>
        </>
      ) : (
        <>
          {submit.error && <Text className='message message--error'>{submit.error}</Text>}
          <Button
            className={`big-button${picked.length === 0 || submit.busy ? ' big-button--disabled' : ''}`}
            disabled={picked.length === 0 || submit.busy}
            onClick={send}
          >
            {submit.busy ? '正在提交…' : picked.length === 0 ? '请先选择答案' : '提交答案'}
          </Button>
        </>
      )}
    </View>
  )
}

/** 每日答题: five questions a day, each answered once, with the explanation at once. */
export default function DailyQuizPage() {
  const quiz = useAsync(() => callFunction('getDailyQuiz', {}))
  usePullDownRefresh(() => {
    void quiz.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = quiz.data
  const onAnswered = (answer: QuizAnswer, points: number) =>
    quiz.update((q) => ({ ...q, points, answers: [...q.answers.filter((a) => a.questionId !== answer.questionId), answer] }))
  return (
    <PageRoot>
      <View className='banner banner--compact'>
        <Text className='banner__title'>每日答题</Text>
        <Text className='banner__sub'>{data ? `${chineseDay(data.day)} · 每天 5 道题，学了什么，答一答就知道` : '每天 5 道题，学了什么，答一答就知道'}</Text>
      </View>
      {!data ? (
        <PendingCard error={quiz.status === 'error' ? quiz.error : undefined} onRetry={() => void quiz.reload()} />
      ) : data.questions.length === 0 ? (
        <View className='card'>
          <View className='card__title'>今天没有新题</View>
          <Text className='quiz-note'>{`题库里的题你最近 ${DAILY_QUIZ_FRESH_DAYS} 天都答过了，等组织上添了新题再来。可以先去错题本把答错的题再做一遍。`}</Text>
          <Button className='plain-button' onClick={toWrongBook}>
            去错题本
          </Button>
        </View>
      ) : (
        <Questions quiz={data} onAnswered={onAnswered} />
      )}
    </PageRoot>
  )
}
