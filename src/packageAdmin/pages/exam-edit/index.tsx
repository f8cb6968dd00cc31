import { useRef, useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActionInput, ActionOutput, Exam, ExamDraw } from '../../../../types'
import { addDays, beijingClock, chineseDay, dayKey } from '../../../../types/calendar'
import { EXAM_ATTEMPTS_MAX, EXAM_INTRO_MAX, EXAM_TIME_LIMIT_MAX, EXAM_TITLE_MAX } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { usePagedList } from '../../../hooks/usePagedList'
import Chips from '../../../components/Chips'
import { checkTexts, checkWhole } from '../../../utils/forms'
import { newRequestKey } from '../../../utils/requestKey'
import { queryValue } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import Field from '../../components/Field'
import ListCard from '../../components/ListCard'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { DIFFICULTY_NAMES } from '../../utils/format'
import { useAction } from '../../utils/useAction'

type Tree = ActionOutput<'listUnits'>
interface Draw {
  tag: string | null
  difficulty: number | null
  count: string
}
interface Form {
  title: string
  intro: string
  unitId: string | undefined
  opensOn: string
  opensTime: string
  closesOn: string
  closesTime: string
  limit: string
  pass: string
  attempts: string
  mode: 'draw' | 'fixed'
  draws: Draw[]
  questionIds: string[]
}

const day = (at: string) => dayKey(new Date(at))
/** A new exam: from tomorrow 09:00 to a week later 18:00, 20 minutes, 60 to pass, two attempts, ten questions drawn. */
function formOf(exam: Exam | null, me: { branchId: string }): Form {
  const tomorrow = addDays(dayKey(new Date()), 1)
  return {
    title: exam?.title ?? '',
    intro: exam?.intro ?? '',
    unitId: exam?.unitId ?? me.branchId,
    opensOn: exam ? day(exam.opensAt) : tomorrow,
    opensTime: exam ? beijingClock(exam.opensAt) : '09:00',
    closesOn: exam ? day(exam.closesAt) : addDays(tomorrow, 7),
    closesTime: exam ? beijingClock(exam.closesAt) : '18:00',
    limit: String(exam?.timeLimitMinutes ?? 20),
    pass: String(exam?.passPercent ?? 60),
    attempts: String(exam?.attempts ?? 2),
    mode: exam?.questions.mode ?? 'draw',
    draws:
      exam?.questions.mode === 'draw'
        ? exam.questions.draws.map((d: ExamDraw) => ({ ...d, count: String(d.count) }))
        : [{ tag: null, difficulty: null, count: '10' }],
    questionIds: exam?.questions.mode === 'fixed' ? exam.questions.questionIds : [],
  }
}

/** The form as saveExam takes it, checked as the server will. */
function inputOf(f: Form): ActionInput<'saveExam'> {
  checkTexts([['考试名称', f.title, EXAM_TITLE_MAX]])
  if (!f.unitId) throw new CloudError('INVALID_INPUT', '请选择考试范围')
  const whole = (text: string, what: string, min: number, max: number) =>
    checkWhole(text, { min, max, low: `${what}至少 ${min}`, high: `${what}最多 ${max}`, what })
  return {
    title: f.title,
    intro: f.intro.trim(),
    unitId: f.unitId,
    opensAt: `${f.opensOn}T${f.opensTime}:00+08:00`,
    closesAt: `${f.closesOn}T${f.closesTime}:00+08:00`,
    timeLimitMinutes: whole(f.limit, '答题时限', 1, EXAM_TIME_LIMIT_MAX),
    passPercent: whole(f.pass, '及格线', 1, 100),
    attempts: whole(f.attempts, '可答次数', 1, EXAM_ATTEMPTS_MAX),
    questions:
      f.mode === 'fixed'
        ? { mode: 'fixed', questionIds: f.questionIds }
        : { mode: 'draw', draws: f.draws.map((d) => ({ tag: d.tag, difficulty: d.difficulty, count: whole(d.count, '每组题数', 1, 100) })) },
  }
}

/** The units the admin composes for: the organisation (组织管理员), each branch in reach, each open group. */
function UnitChoice({ tree, orgAdmin, value, onChange }: { tree: Tree; orgAdmin: boolean; value?: string; onChange: (id: string) => void }) {
  const pick = (id: string | undefined) => id && onChange(id)
  return (
    <View className='field'>
      <Text className='field__label'>考试范围（谁来考）</Text>
      {orgAdmin && (
        <Chips
          choices={[{ value: tree.committee._id, label: `${tree.committee.name}（全体）` }]}
          value={value === tree.committee._id ? value : undefined}
          onChange={pick}
        />
      )}
      {tree.branches
        .filter((b) => !b.archived)
        .map((b) => {
          const choices = [{ value: b._id, label: `${b.name}全体` }, ...b.groups.filter((g) => !g.archived).map((g) => ({ value: g._id, label: g.name }))]
          return <Chips key={b._id} label={b.name} choices={choices} value={choices.some((c) => c.value === value) ? value : undefined} onChange={pick} />
        })}
    </View>
  )
}

function When({ label, on, time, onChange }: { label: string; on: string; time: string; onChange: (on: string, time: string) => void }) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='button-row'>
        <Picker mode='date' value={on} onChange={(e) => onChange(String(e.detail.value), time)}>
          <View className='field__input'>{chineseDay(on)}</View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onChange(on, String(e.detail.value))}>
          <View className='field__input'>{`${time}（北京时间）`}</View>
        </Picker>
      </View>
    </View>
  )
}

const DIFFICULTIES = [1, 2, 3].map((d) => ({ value: String(d), label: DIFFICULTY_NAMES[d] }))

function Draws({ draws, tags, onChange }: { draws: Draw[]; tags: string[]; onChange: (d: Draw[]) => void }) {
  const set = (i: number, change: Partial<Draw>) => onChange(draws.map((d, j) => (j === i ? { ...d, ...change } : d)))
  return (
    <View className='field'>
      <Text className='field__label'>抽题规则（每人每次作答各抽一份）</Text>
      {draws.map((d, i) => (
        <View key={i} className='card'>
          <Chips
            label='标签'
            allLabel='不限'
            choices={tags.map((t) => ({ value: t, label: t }))}
            value={d.tag ?? undefined}
            onChange={(t) => set(i, { tag: t ?? null })}
          />
          <Chips
            label='难度'
            allLabel='不限'
            choices={DIFFICULTIES}
            value={d.difficulty === null ? undefined : String(d.difficulty)}
            onChange={(v) => set(i, { difficulty: v ? Number(v) : null })}
          />
          <Field label='题数' value={d.count} onInput={(count) => set(i, { count })} />
          {draws.length > 1 && (
            <Button className='plain-button' onClick={() => onChange(draws.filter((_, j) => j !== i))}>
              删除这一组
            </Button>
          )}
        </View>
      ))}
      <Button className='plain-button' onClick={() => onChange([...draws, { tag: null, difficulty: null, count: '5' }])}>
        再加一组
      </Button>
    </View>
  )
}

/** Fixed questions: picked from the bank's active ones, searched. */
function FixedQuestions({ picked, onChange }: { picked: string[]; onChange: (ids: string[]) => void }) {
  const list = usePagedList((cursor) => callFunction('listQuestions', { status: 'active', cursor }))
  const toggle = (id: string) => onChange(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id])
  return (
    <View className='field'>
      <Text className='field__label'>{`固定题目（已选 ${picked.length} 道，按选择的先后出题）`}</Text>
      <ListCard list={list} empty='题库里没有在用的题目'>
        {(q) => (
          <View key={q._id} className='row' ariaRole='checkbox' ariaLabel={`${q.stem}${picked.includes(q._id) ? '，已选' : ''}`} onClick={() => toggle(q._id)}>
            <View className='row__main'>
              <Text className='row__title'>{q.stem}</Text>
              <Text className='row__sub'>{q.tags.join('、')}</Text>
            </View>
            <Text className={`tag ${picked.includes(q._id) ? 'tag--green' : ''}`}>{picked.includes(q._id) ? '已选' : '选'}</Text>
          </View>
        )}
      </ListCard>
    </View>
  )
}

/** What publishing did, in words: who sits it, who was told, who can't be (no grant). */
function publishedText(r: ActionOutput<'publishExam'>): string {
  const n = r.notified
  const told = [
    n.sent && `已发送 ${n.sent} 人`,
    n.deferred && `免打扰时段，稍后发送 ${n.deferred} 人`,
    n.dailyCap && `今日已达上限 ${n.dailyCap} 人`,
    n.failed && `发送失败 ${n.failed} 人`,
  ].filter(Boolean)
  return `已发布：应考 ${r.audience} 人。考试通知：${told.length ? told.join('，') : '没有发出'}；未订阅 ${n.noGrant ?? 0} 人（请在群里告诉他们）。`
}

function ExamEditor({ exam: initial, tree, tags, me }: { exam: Exam | null; tree: Tree; tags: string[]; me: { branchId: string; orgAdmin: boolean } }) {
  const [exam, setExam] = useState(initial)
  const [form, setForm] = useState(() => formOf(initial, me))
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))
  const saving = useAction()
  const publishing = useAction()
  const requestKey = useRef(newRequestKey())
  const editable = !exam || exam.editable
  const save = () =>
    void saving.run(async () => {
      const saved = await callFunction('saveExam', { ...inputOf(form), ...(exam ? { id: exam._id } : { requestKey: requestKey.current }) })
      setExam(saved)
      return `已保存草稿：每次作答 ${saved.questionCount} 道题。检查无误后发布。`
    })
  const publish = () =>
    void publishing.run(async () => {
      const result = await callFunction('publishExam', { id: exam!._id })
      setExam(result.exam)
      return publishedText(result)
    })
  return (
    <View>
      <View className='card'>
        <View className='card__title'>{exam ? (editable ? '修改考试' : '已发布的考试') : '新建考试'}</View>
        {!editable && <Text className='section-note'>考试已发布，不能再修改；成员答题的时间、题目和及格线都以发布时为准。</Text>}
        <Field label='考试名称' value={form.title} onInput={(title) => set({ title })} max={EXAM_TITLE_MAX} disabled={!editable} />
        <Field label='考试说明（可不填）' value={form.intro} onInput={(intro) => set({ intro })} max={EXAM_INTRO_MAX} multiline disabled={!editable} />
        <UnitChoice tree={tree} orgAdmin={me.orgAdmin} value={form.unitId} onChange={(unitId) => set({ unitId })} />
        <When label='开始时间' on={form.opensOn} time={form.opensTime} onChange={(opensOn, opensTime) => set({ opensOn, opensTime })} />
        <When label='结束时间' on={form.closesOn} time={form.closesTime} onChange={(closesOn, closesTime) => set({ closesOn, closesTime })} />
        <View className='field'>
          <Text className='field__label'>答题时限（分钟）· 及格线（分，满分 100）· 可答次数</Text>
          <View className='button-row'>
            <Input className='field__input' type='number' value={form.limit} onInput={(e) => set({ limit: e.detail.value })} />
            <Input className='field__input' type='number' value={form.pass} onInput={(e) => set({ pass: e.detail.value })} />
            <Input className='field__input' type='number' value={form.attempts} onInput={(e) => set({ attempts: e.detail.value })} />
          </View>
        </View>
        <Chips
          label='出题方式'
          choices={[
            { value: 'draw', label: '随机抽题' },
            { value: 'fixed', label: '固定题目' },
          ]}
          value={form.mode}
          onChange={(mode) => mode && set({ mode })}
        />
        {form.mode === 'draw' ? (
          <Draws draws={form.draws} tags={tags} onChange={(draws) => set({ draws })} />
        ) : (
          <FixedQuestions picked={form.questionIds} onChange={(questionIds) => set({ questionIds })} />
        )}
        <Outcome outcome={saving.outcome} />
        {editable && (
          <Button className={`big-button${saving.busy ? ' big-button--disabled' : ''}`} disabled={saving.busy} onClick={save}>
            {saving.busy ? '正在保存…' : '保存草稿'}
          </Button>
        )}
      </View>
      {exam && (
        <View className='card'>
          <View className='card__title'>{exam.status === 'published' ? '已发布' : '发布'}</View>
          <Text className='section-note'>
            {exam.status === 'published'
              ? '再发通知只发给还没通知到的成员（例如刚订阅的），已通知的不重复。'
              : '发布后，考试范围内订阅了考试通知的成员会收到提醒；考试不能再修改。'}
          </Text>
          <Outcome outcome={publishing.outcome} />
          <Button className='big-button' disabled={publishing.busy} onClick={publish}>
            {exam.status === 'published' ? '再发通知' : '发布考试'}
          </Button>
          <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
            返回考试列表
          </Button>
        </View>
      )}
    </View>
  )
}

function EditorPage({ id, me }: { id: string; me: { branchId: string; orgAdmin: boolean } }) {
  const loaded = useAsync(async () => {
    const [exam, tree, bank] = await Promise.all([
      id ? callFunction('getExam', { id }) : Promise.resolve(null),
      callFunction('listUnits', {}),
      callFunction('listQuestions', { status: 'active' }),
    ])
    return { exam, tree, tags: bank.tags }
  })
  return <Loaded state={loaded}>{(d) => <ExamEditor exam={d.exam} tree={d.tree} tags={d.tags} me={me} />}</Loaded>
}

export default function ExamEditPage() {
  const id = queryValue(useRouter().params.id)
  return <AdminPage>{(me) => <EditorPage id={id} me={{ branchId: me.branchId, orgAdmin: me.roles.includes('orgAdmin') }} />}</AdminPage>
}
