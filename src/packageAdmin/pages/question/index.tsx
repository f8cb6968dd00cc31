import { useRef, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActionInput, Question, QuestionType } from '../../../../types'
import {
  JUDGE_OPTIONS,
  QUESTION_EXPLANATION_MAX,
  QUESTION_OPTION_MAX,
  QUESTION_OPTIONS_MAX,
  QUESTION_STEM_MAX,
  QUESTION_TAG_MAX,
  QUESTION_TYPE_NAMES,
  QUESTION_TYPES,
} from '../../../../types/constants'
import { optionLetters, questionProblem } from '../../../../types/questions'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import Chips from '../../../components/Chips'
import { checkTexts } from '../../../utils/forms'
import { newRequestKey } from '../../../utils/requestKey'
import { queryValue } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import Field from '../../components/Field'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { DIFFICULTY_NAMES } from '../../utils/format'
import { useAction } from '../../utils/useAction'
import { useDraft } from '../../utils/useDraft'
import './index.scss'

interface Form {
  type: QuestionType
  stem: string
  options: string[]
  answer: number[]
  explanation: string
  /** Tags as typed: separated by spaces, commas or 、. */
  tags: string
  difficulty: number
}

const formOf = (q: Question | null): Form => ({
  type: q?.type ?? 'single',
  stem: q?.stem ?? '',
  options: q && q.type !== 'judge' ? q.options : ['', '', '', ''],
  answer: q?.answer ?? [],
  explanation: q?.explanation ?? '',
  tags: q?.tags.join('、') ?? '',
  difficulty: q?.difficulty ?? 2,
})

const tagsOf = (typed: string) => [...new Set(typed.split(/[\s,，、|]+/).filter(Boolean))]

/** The question as saveQuestion takes it, checked as the server will (empty options are dropped). */
function questionOf(form: Form, link: Question['link']): ActionInput<'saveQuestion'>['question'] {
  const filled = form.options.map((o) => o.trim())
  // Answers point at options: dropping an empty option moves the ones after it up.
  const kept = filled.flatMap((o, i) => (o ? [i] : []))
  const options = form.type === 'judge' ? [...JUDGE_OPTIONS] : kept.map((i) => filled[i])
  const answer = form.type === 'judge' ? form.answer : form.answer.filter((i) => kept.includes(i)).map((i) => kept.indexOf(i))
  const tags = tagsOf(form.tags)
  checkTexts([
    ['题干', form.stem, QUESTION_STEM_MAX],
    ...options.map((o, i) => [`选项 ${optionLetters([i])}`, o, QUESTION_OPTION_MAX] as const),
    ['解析', form.explanation, QUESTION_EXPLANATION_MAX],
    ...tags.map((t) => ['标签', t, QUESTION_TAG_MAX] as const),
  ])
  if (answer.length === 0) throw new CloudError('INVALID_INPUT', '请选择正确答案')
  const problem = questionProblem({ type: form.type, options, answer })
  if (problem) throw new CloudError('INVALID_INPUT', problem)
  return { type: form.type, stem: form.stem, options, answer, explanation: form.explanation, tags, difficulty: form.difficulty, link }
}

const TYPE_CHOICES = QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_NAMES[t] }))
const DIFFICULTY_CHOICES = [1, 2, 3].map((d) => ({ value: String(d), label: DIFFICULTY_NAMES[d] }))

function Options({ form, set, disabled }: { form: Form; set: (change: (f: Form) => Form) => void; disabled: boolean }) {
  if (form.type === 'judge') {
    return (
      <Chips
        label='正确答案'
        choices={JUDGE_OPTIONS.map((o, i) => ({ value: String(i), label: o }))}
        value={form.answer.length === 1 ? String(form.answer[0]) : undefined}
        onChange={(v) => set((f) => ({ ...f, answer: v === undefined ? [] : [Number(v)] }))}
      />
    )
  }
  const toggle = (i: number) =>
    set((f) => {
      if (f.type === 'single') return { ...f, answer: [i] }
      return { ...f, answer: f.answer.includes(i) ? f.answer.filter((a) => a !== i) : [...f.answer, i].sort((a, b) => a - b) }
    })
  const remove = (i: number) =>
    set((f) => ({ ...f, options: f.options.filter((_, j) => j !== i), answer: f.answer.filter((a) => a !== i).map((a) => (a > i ? a - 1 : a)) }))
  return (
    <View className='field'>
      <Text className='field__label'>{`选项（点字母设为正确答案${form.type === 'multiple' ? '，可多选' : ''}）`}</Text>
      {form.options.map((option, i) => (
        <View key={i} className='question-option'>
          <View
            className={`question-option__letter tag ${form.answer.includes(i) ? 'tag--green' : ''}`}
            ariaRole='checkbox'
            ariaLabel={`选项 ${optionLetters([i])}${form.answer.includes(i) ? '，正确答案' : ''}`}
            onClick={() => toggle(i)}
          >
            {optionLetters([i])}
          </View>
          <Input
            className='field__input question-option__input'
            value={option}
            maxlength={QUESTION_OPTION_MAX + 10}
            disabled={disabled}
            placeholder={`选项 ${optionLetters([i])}`}
            onInput={(e) => set((f) => ({ ...f, options: f.options.map((o, j) => (j === i ? e.detail.value : o)) }))}
          />
          {form.options.length > 2 && (
            <Text className='question-option__remove' onClick={() => remove(i)}>
              删除
            </Text>
          )}
        </View>
      ))}
      {form.options.length < QUESTION_OPTIONS_MAX && (
        <Button className='plain-button' disabled={disabled} onClick={() => set((f) => ({ ...f, options: [...f.options, ''] }))}>
          添加选项
        </Button>
      )}
      <Text className='field__hint'>{form.answer.length ? `正确答案：${optionLetters(form.answer)}` : '还没有设正确答案'}</Text>
    </View>
  )
}

function QuestionEditor({ initial }: { initial: Question | null }) {
  const [question, setQuestion] = useState(initial)
  const form = useDraft(() => formOf(initial))
  const saving = useAction()
  const retiring = useAction()
  // A new question keeps its key across retries of the same save.
  const requestKey = useRef(newRequestKey())
  const f = form.value
  const set = form.set

  const save = () =>
    void saving.run(async () => {
      const sent = form.value
      const saved = await callFunction('saveQuestion', {
        ...(question ? { id: question._id } : { requestKey: requestKey.current }),
        question: questionOf(sent, question?.link ?? null),
      })
      setQuestion(saved)
      form.markSaved(sent)
      return question ? '已保存：从下一次抽题起按修改后的题目' : '已加入题库：之后的每日答题就可能抽到'
    })
  const retire = (retired: boolean) =>
    void retiring.run(async () => {
      setQuestion(await callFunction('retireQuestion', { id: question!._id, retired }))
      return retired ? '已停用：不会再被抽到，已答过的记录保留' : '已恢复：会再被抽到'
    })

  return (
    <View>
      <View className='card'>
        <View className='card__title'>{question ? '修改题目' : '新增题目'}</View>
        <Chips label='题型' choices={TYPE_CHOICES} value={f.type} onChange={(type) => type && set((d) => ({ ...d, type, answer: [] }))} />
        <Field label='题干' value={f.stem} onInput={(stem) => set((d) => ({ ...d, stem }))} max={QUESTION_STEM_MAX} multiline disabled={saving.busy} />
        <Options form={f} set={set} disabled={saving.busy} />
        <Field
          label='解析（答题后给成员看）'
          value={f.explanation}
          onInput={(explanation) => set((d) => ({ ...d, explanation }))}
          max={QUESTION_EXPLANATION_MAX}
          multiline
          disabled={saving.busy}
        />
        <Field
          label='标签'
          value={f.tags}
          onInput={(tags) => set((d) => ({ ...d, tags }))}
          hint='用空格或顿号分开，如：读原文、学习方法'
          disabled={saving.busy}
        />
        <Chips label='难度' choices={DIFFICULTY_CHOICES} value={String(f.difficulty)} onChange={(d) => d && set((v) => ({ ...v, difficulty: Number(d) }))} />
        {question?.link && (
          <Text className='section-note'>{`关联内容：${question.link.kind === 'article' ? '文章' : question.link.kind === 'chapter' ? '章节' : '书目'} ${question.link.id}（导入题库时设置，答错的成员可由此回到原文）`}</Text>
        )}
        <Outcome outcome={saving.outcome} />
        <Button className={`big-button${saving.busy ? ' big-button--disabled' : ''}`} disabled={saving.busy} onClick={save}>
          {saving.busy ? '正在保存…' : '保存'}
        </Button>
      </View>
      {question && (
        <View className='card'>
          <View className='card__title'>{question.status === 'retired' ? '已停用' : '在用'}</View>
          <Outcome outcome={retiring.outcome} />
          <Button className='plain-button' disabled={retiring.busy} onClick={() => retire(question.status !== 'retired')}>
            {question.status === 'retired' ? '恢复这道题' : '停用这道题'}
          </Button>
          <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
            返回题库
          </Button>
        </View>
      )}
    </View>
  )
}

function QuestionPage({ id }: { id: string }) {
  const loaded = useAsync(() => (id ? callFunction('getQuestion', { id }) : Promise.resolve(null)))
  return <Loaded state={loaded}>{(q) => <QuestionEditor initial={q} />}</Loaded>
}

export default function QuestionEditorPage() {
  const { params } = useRouter()
  return <AdminPage>{() => <QuestionPage id={queryValue(params.id)} />}</AdminPage>
}
