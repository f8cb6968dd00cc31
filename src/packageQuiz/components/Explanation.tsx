import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { QuizAnswer, QuizQuestion } from '../../../types'
import { optionLetters } from '../../../types/questions'
import { ROUTES, withQuery } from '../../utils/routes'
import '../quiz.scss'

/** The right answer in words: 正确答案：AC, or 正确答案：对. */
const rightAnswerText = (answer: QuizAnswer, question: QuizQuestion) =>
  `正确答案：${question.type === 'judge' ? question.options[answer.answer[0]] : optionLetters(answer.answer)}`

/** Right or wrong, the right answer, why, and where to read it again. */
export default function Explanation({ answer, question }: { answer: QuizAnswer; question: QuizQuestion }) {
  const link = answer.link
  const url = link && (link.kind === 'book' ? withQuery(ROUTES.book, { id: link.id }) : withQuery(ROUTES.reader, { kind: link.kind, id: link.id }))
  return (
    <View>
      <Text className={`quiz-verdict ${answer.correct ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}>{answer.correct ? '回答正确' : '回答错误'}</Text>
      {!answer.correct && <Text className='quiz-explanation'>{rightAnswerText(answer, question)}</Text>}
      <Text className='quiz-explanation'>{`解析：${answer.explanation}`}</Text>
      {url && (
        <Text className='quiz-link' onClick={() => void Taro.navigateTo({ url })}>
          回到原文再读一读 ›
        </Text>
      )}
    </View>
  )
}
