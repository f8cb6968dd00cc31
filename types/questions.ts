import { JUDGE_OPTIONS, type QUESTION_TYPES } from './constants'

/** Zod-free rules of a question, shared by the server's schemas and the admin's form. */

/**
 * A question's own rules, whatever wrote it (the admin page, the import, the seed): the reason it is
 * wrong in words, or null. 判断题 have the options 对/错; 单选 one right option, 多选 two or more.
 */
export function questionProblem(q: { type: (typeof QUESTION_TYPES)[number]; options: readonly string[]; answer: readonly number[] }): string | null {
  if (q.type === 'judge') {
    if (q.options.length !== 2 || q.options[0] !== JUDGE_OPTIONS[0] || q.options[1] !== JUDGE_OPTIONS[1]) return '判断题的选项应为「对」和「错」'
    if (q.answer.length !== 1) return '判断题的答案应为「对」或「错」之一'
    return null
  }
  if (q.options.length < 2) return '选择题至少要有 2 个选项'
  if (new Set(q.options).size !== q.options.length) return '选项中有重复的内容'
  if (q.answer.some((i) => i >= q.options.length)) return '答案中的选项不存在'
  if (q.type === 'single' && q.answer.length !== 1) return '单选题只能有一个正确答案'
  if (q.type === 'multiple' && q.answer.length < 2) return '多选题至少要有两个正确答案（只有一个请改为单选题）'
  return null
}

/** Option indexes as the letters members see: `[0, 2]` → `AC`. */
export const optionLetters = (indexes: readonly number[]): string => indexes.map((i) => String.fromCharCode(65 + i)).join('')
