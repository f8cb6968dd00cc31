import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ExamPaper, ExamResult } from '../../../../types'
import { callFunction, CloudError } from '../../../services/cloud'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import ProgressBar from '../../../components/ProgressBar'
import { PendingCard } from '../../../components/Status'
import { confirm } from '../../../utils/confirm'
import { newRequestKey } from '../../../utils/requestKey'
import { queryValue } from '../../../utils/routes'
import QuestionCard from '../../components/QuestionCard'
import Explanation from '../../components/Explanation'
import '../../quiz.scss'

type Opened = { status: 'started' | 'submitted' | 'expired'; paper: ExamPaper; result: ExamResult | null }

/** 12:05 left as mm:ss. */
const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/** The time left by the server's clock: its deadline less its now, counted down on the phone from when it answered. */
function useTimeLeft(paper: ExamPaper): number {
  const [received] = useState(() => Date.now())
  const total = Date.parse(paper.deadline) - Date.parse(paper.now)
  const [left, setLeft] = useState(total)
  useEffect(() => {
    const tick = setInterval(() => setLeft(total - (Date.now() - received)), 1000)
    return () => clearInterval(tick)
  }, [total, received])
  return left
}

function Result({ result }: { result: ExamResult }) {
  return (
    <>
      <View className='card'>
        <View className='card__title'>{`${result.title} · 第 ${result.number} 次`}</View>
        <Text
          className={`quiz-verdict ${result.passed ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}
        >{`${result.percent} 分 · ${result.passed ? '及格' : '未及格'}`}</Text>
        <Text className='quiz-note'>{`答对 ${result.right} / ${result.total} 题，${result.passPercent} 分及格。成绩已记入学习档案。`}</Text>
      </View>
      {result.questions.map((q, i) => {
        const answer = result.answers.find((a) => a.questionId === q._id)
        return (
          <View key={q._id} className='card'>
            <Text className='quiz-progress'>{`第 ${i + 1} 题`}</Text>
            <QuestionCard question={q} picked={[]} onPick={() => undefined} answer={answer} />
            {answer && <Explanation answer={answer} question={q} />}
          </View>
        )
      })}
      <View className='card'>
        <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
          返回我的考试
        </Button>
      </View>
    </>
  )
}

/** One question a screen, a progress bar and the time left; 交卷 at the end, or by itself when the time is up. */
function Sitting({ paper, onResult, onExpired }: { paper: ExamPaper; onResult: (r: ExamResult) => void; onExpired: () => void }) {
  const [at, setAt] = useState(0)
  const [picked, setPicked] = useState<Record<string, number[]>>({})
  const submit = useAction()
  const left = useTimeLeft(paper)
  const handedIn = useRef(false)
  const answered = paper.questions.filter((q) => picked[q._id]?.length).length
  const handIn = () =>
    void submit.run(async () => {
      handedIn.current = true
      const answers = paper.questions.map((q) => ({ questionId: q._id, choice: picked[q._id] ?? [] }))
      try {
        onResult(await callFunction('submitExamAttempt', { attemptId: paper.attemptId, answers }))
      } catch (err) {
        // The server's clock says the time is up: the attempt is over, whatever this page counted.
        if (err instanceof CloudError && err.code === 'TIME_UP') onExpired()
        else throw err
      }
    })
  // Time up: what was answered goes in at once (the server still takes it within its grace).
  useEffect(() => {
    if (left <= 0 && !handedIn.current) handIn()
  })
  const askToHandIn = async () => {
    const missing = paper.questions.length - answered
    if (missing > 0 && !(await confirm('确定交卷吗？', `还有 ${missing} 道题没有作答，没答的题不得分。`, '交卷'))) return
    handIn()
  }
  const q = paper.questions[at]
  return (
    <View className='card'>
      <View className='pair-row'>
        <Text>{`第 ${at + 1} / ${paper.questions.length} 题 · 已答 ${answered} 题`}</Text>
        <Text className={left < 60_000 ? 'quiz-verdict--wrong' : ''}>{`剩余 ${clock(left)}`}</Text>
      </View>
      <ProgressBar value={answered} max={paper.questions.length} label={`已答 ${answered} / ${paper.questions.length} 题`} />
      <QuestionCard question={q} picked={picked[q._id] ?? []} onPick={(p) => setPicked((all) => ({ ...all, [q._id]: p }))} disabled={submit.busy} />
      {submit.error && <Text className='message message--error'>{submit.error}</Text>}
      <View className='button-row'>
        <Button className='plain-button' disabled={at === 0} onClick={() => setAt(at - 1)}>
          上一题
        </Button>
        {at < paper.questions.length - 1 ? (
          <Button className='big-button big-button--small' onClick={() => setAt(at + 1)}>
            下一题
          </Button>
        ) : (
          <Button
            className={`big-button big-button--small${submit.busy ? ' big-button--disabled' : ''}`}
            disabled={submit.busy}
            onClick={() => void askToHandIn()}
          >
            {submit.busy ? '正在交卷…' : '交卷'}
          </Button>
        )}
      </View>
    </View>
  )
}

/** An exam attempt: started (or resumed) from 我的考试, its result once handed in. */
export default function ExamPage() {
  const { params } = useRouter()
  const examId = queryValue(params.examId)
  const attemptId = queryValue(params.attemptId)
  const key = useRef(newRequestKey())
  const opened = useAsync<Opened>(async () =>
    attemptId
      ? callFunction('getExamAttempt', { attemptId })
      : { status: 'started', paper: await callFunction('startExamAttempt', { examId, requestKey: key.current }), result: null },
  )
  const data = opened.data
  return (
    <PageRoot>
      {!data ? (
        <PendingCard error={opened.status === 'error' ? opened.error : undefined} onRetry={() => void opened.reload()} />
      ) : data.result ? (
        <Result result={data.result} />
      ) : data.status === 'expired' ? (
        <View className='card'>
          <Text className='quiz-verdict quiz-verdict--wrong'>答题时间已到</Text>
          <Text className='quiz-note'>这份答卷没有在时限内交上，这一次作答已用掉。</Text>
          <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
            返回我的考试
          </Button>
        </View>
      ) : (
        <>
          <View className='banner banner--compact'>
            <Text className='banner__title'>{data.paper.title}</Text>
            <Text className='banner__sub'>{`第 ${data.paper.number} 次作答 · 共 ${data.paper.questions.length} 题`}</Text>
          </View>
          <Sitting
            paper={data.paper}
            onResult={(result) => opened.update((o) => ({ ...o, status: 'submitted', result }))}
            onExpired={() => opened.update((o) => ({ ...o, status: 'expired' }))}
          />
        </>
      )}
    </PageRoot>
  )
}
