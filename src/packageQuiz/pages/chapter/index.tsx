import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActionOutput } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { newRequestKey } from '../../../utils/requestKey'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'
import { beijingDate } from '../../../../types/calendar'
import QuestionCard from '../../components/QuestionCard'
import Explanation from '../../components/Explanation'
import '../../quiz.scss'

type Quiz = ActionOutput<'getChapterQuiz'>
type Result = ActionOutput<'submitChapterQuiz'>

/** All the chapter's questions on one page, one 提交; then each with its explanation. */
function Attempt({ quiz, onDone }: { quiz: Quiz; onDone: (result: Result) => void }) {
  const [picked, setPicked] = useState<Record<string, number[]>>({})
  const [result, setResult] = useState<Result | null>(null)
  const submit = useAction()
  const key = useRef(newRequestKey())
  const answered = quiz.questions.filter((q) => (picked[q._id] ?? []).length > 0).length
  const send = () =>
    void submit.run(async () => {
      const answers = quiz.questions.flatMap((q) => (picked[q._id]?.length ? [{ questionId: q._id, choice: picked[q._id] }] : []))
      const done = await callFunction('submitChapterQuiz', { chapterId: quiz.chapterId, answers, requestKey: key.current })
      setResult(done)
      onDone(done)
    })
  const again = () => {
    key.current = newRequestKey()
    setPicked({})
    setResult(null)
  }
  return (
    <>
      {result && (
        <View className='card'>
          <Text className={`quiz-verdict ${result.passed ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}>
            {result.passed ? `答对 ${result.right} / ${result.total} 题，通过了` : `答对 ${result.right} / ${result.total} 题，还差一点`}
          </Text>
          <Text className='quiz-note'>
            {result.masteredAt
              ? '这一章已记为「已掌握」，在书目的章节里可以看到。'
              : `答对 ${quiz.passMark} 题就算掌握。看看下面的解析，可以再读一遍这一章，随时再来。`}
          </Text>
        </View>
      )}
      {quiz.questions.map((q, i) => {
        const answer = result?.answers.find((a) => a.questionId === q._id)
        return (
          <View key={q._id} className='card'>
            <Text className='quiz-progress'>{`第 ${i + 1} 题 · 共 ${quiz.questions.length} 题`}</Text>
            <QuestionCard
              question={q}
              picked={picked[q._id] ?? []}
              onPick={(p) => setPicked((all) => ({ ...all, [q._id]: p }))}
              answer={answer}
              disabled={submit.busy}
            />
            {answer && <Explanation answer={answer} question={q} />}
          </View>
        )
      })}
      <View className='card'>
        {result ? (
          <>
            {!result.passed && (
              <Button className='big-button' onClick={again}>
                再做一次
              </Button>
            )}
            <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
              返回书目
            </Button>
          </>
        ) : (
          <>
            {submit.error && <Text className='message message--error'>{submit.error}</Text>}
            <Button
              className={`big-button${answered === 0 || submit.busy ? ' big-button--disabled' : ''}`}
              disabled={answered === 0 || submit.busy}
              onClick={send}
            >
              {submit.busy ? '正在提交…' : answered < quiz.questions.length ? `已答 ${answered}/${quiz.questions.length}，提交` : '提交答案'}
            </Button>
          </>
        )}
      </View>
    </>
  )
}

/** 章节小测: after a chapter is completed, a few questions on it; passing marks it 已掌握. */
export default function ChapterQuizPage() {
  const id = queryValue(useRouter().params.id)
  const quiz = useAsync(() => callFunction('getChapterQuiz', { chapterId: id }))
  const data = quiz.data
  return (
    <PageRoot>
      <View className='banner banner--compact'>
        <Text className='banner__title'>章节小测</Text>
        <Text className='banner__sub'>{data ? `《${data.bookTitle}》${data.title}` : '读完一章，答几道题'}</Text>
        {data?.masteredAt && <Text className='banner__note'>{`${beijingDate(data.masteredAt)} 已掌握`}</Text>}
      </View>
      {!data ? (
        <PendingCard error={quiz.status === 'error' ? quiz.error : undefined} onRetry={() => void quiz.reload()} />
      ) : !data.completed ? (
        <View className='card'>
          <Text className='quiz-note'>读完这一章后就可以做小测。</Text>
          <Button className='big-button' onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.reader, { kind: 'chapter', id: data.chapterId }) })}>
            去读这一章
          </Button>
        </View>
      ) : data.questions.length === 0 ? (
        <View className='card'>
          <Text className='quiz-note'>这一章还没有小测题目。</Text>
        </View>
      ) : (
        <Attempt quiz={data} onDone={(r) => quiz.update((q) => ({ ...q, attempts: q.attempts + 1, masteredAt: r.masteredAt }))} />
      )}
    </PageRoot>
  )
}
