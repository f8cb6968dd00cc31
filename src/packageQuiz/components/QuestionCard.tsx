import { Text, View } from '@tarojs/components'
import type { QuizAnswer, QuizQuestion } from '../../../types'
import { QUESTION_TYPE_NAMES } from '../../../types/constants'
import { optionLetters } from '../../../types/questions'
import '../quiz.scss'

interface Props {
  question: QuizQuestion
  /** The options picked so far (before answering). */
  picked: number[]
  onPick: (picked: number[]) => void
  /** Once answered: what was right, shown on the options. */
  answer?: QuizAnswer
  disabled?: boolean
}

/** How an option looks: picked before answering; right, or wrongly chosen, after. */
function optionClass(i: number, picked: number[], answer?: QuizAnswer): string {
  if (answer) {
    if (answer.answer.includes(i)) return ' quiz-option--right'
    if (answer.choice.includes(i)) return ' quiz-option--wrong'
    return ''
  }
  return picked.includes(i) ? ' quiz-option--picked' : ''
}

/**
 * A question with its options as big rows: one tap picks (单选, 判断), taps toggle (多选). After the
 * answer, the right options are green and a wrong choice red, each also said in words.
 */
export default function QuestionCard({ question, picked, onPick, answer, disabled }: Props) {
  const pick = (i: number) => {
    if (answer || disabled) return
    if (question.type !== 'multiple') onPick([i])
    else onPick(picked.includes(i) ? picked.filter((p) => p !== i) : [...picked, i].sort((a, b) => a - b))
  }
  return (
    <View>
      <Text className='tag tag--gold'>{QUESTION_TYPE_NAMES[question.type]}</Text>
      {question.type === 'multiple' && !answer && <Text className='quiz-note'>多选题：选出全部正确的选项，多选少选都不得分</Text>}
      <Text className='quiz-stem'>{question.stem}</Text>
      {question.options.map((option, i) => {
        const letter = optionLetters([i])
        const mark = answer ? (answer.answer.includes(i) ? '正确答案' : answer.choice.includes(i) ? '你的选择' : '') : ''
        return (
          <View
            key={i}
            className={`quiz-option${optionClass(i, picked, answer)}`}
            ariaRole={question.type === 'multiple' ? 'checkbox' : 'radio'}
            ariaLabel={`${letter}. ${option}${picked.includes(i) && !answer ? '，已选' : ''}${mark ? `，${mark}` : ''}`}
            onClick={() => pick(i)}
          >
            {question.type !== 'judge' && <Text className='quiz-option__letter'>{`${letter}.`}</Text>}
            <Text>{option}</Text>
            {mark && <Text className='quiz-option__mark'>{mark}</Text>}
          </View>
        )
      })}
    </View>
  )
}
