import type { QuizAnswer } from '../../types'
import { AppError } from '../errors'
import type { QuestionDoc } from './questions'

/** A choice that fits the question: options that exist, one of them for 单选 and 判断. */
export function checkChoice(question: QuestionDoc, choice: readonly number[]): void {
  if (choice.some((i) => i >= question.options.length)) throw new AppError('INVALID_INPUT', '所选的选项不存在')
  if (question.type !== 'multiple' && choice.length !== 1) throw new AppError('INVALID_INPUT', '这道题只能选一个答案')
}

/** Right when exactly the right options were chosen (多选: all of them, nothing else). */
export const isRight = (question: QuestionDoc, choice: readonly number[]) =>
  choice.length === question.answer.length && question.answer.every((i) => choice.includes(i))

/** The choice in option order, as stored and shown. */
export const inOrder = (choice: readonly number[]) => [...choice].sort((a, b) => a - b)

/** What the member is told after answering: right or not, the right options and why. */
export const quizAnswer = (question: QuestionDoc, choice: readonly number[], correct: boolean): QuizAnswer => ({
  questionId: question._id,
  choice: inOrder(choice),
  correct,
  answer: question.answer,
  explanation: question.explanation,
  link: question.link ?? null,
})
