import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActionInput, WeeklyList } from '../../../../types'
import { WEEKLY_INTRO_MAX, WEEKLY_TARGET_DEFAULT } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import Chips from '../../../components/Chips'
import Toggle from '../../../components/Toggle'
import { monthDay } from '../../../../types/calendar'
import { queryValue } from '../../../utils/routes'
import { itemTitle, KIND_NAMES } from '../../../utils/weekly'
import { weekRange } from '../../../../types/calendar'
import AdminPage from '../../components/AdminPage'
import Field from '../../components/Field'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { useAction } from '../../utils/useAction'
import { comingMondays, WEEKLY_STATUS_NAMES, weeklyListUrl } from '../../utils/weekly'
import ItemPicker, { type DraftItem } from './ItemPicker'
import './index.scss'

interface Draft {
  week: string
  intro: string
  target: string
  branchIds: string[]
  items: DraftItem[]
}

const WEEKS_AHEAD = 8

const fromList = (list: WeeklyList): Draft => ({
  week: list.week,
  intro: list.intro,
  target: String(list.targetMinutes),
  branchIds: list.branchIds,
  items: list.items.map((i) => ({
    kind: i.kind,
    refId: i.refId ?? undefined,
    title: i.title,
    bookTitle: i.bookTitle,
    url: i.url ?? undefined,
    required: i.required,
  })),
})

function toInput(id: string | undefined, draft: Draft): ActionInput<'saveWeeklyList'> {
  return {
    ...(id ? { id } : {}),
    week: draft.week,
    intro: draft.intro,
    targetMinutes: Number(draft.target),
    branchIds: draft.branchIds,
    items: draft.items.map((i) =>
      i.kind === 'link' ? { kind: 'link', title: i.title, url: i.url, required: false } : { kind: i.kind, refId: i.refId, required: i.required },
    ),
  }
}

function Editor({ initial, branches }: { initial: WeeklyList | null; branches: { _id: string; name: string }[] }) {
  const [id, setId] = useState(initial?._id)
  const [status, setStatus] = useState(initial?.status ?? 'draft')
  const [draft, setDraft] = useState<Draft>(
    initial ? fromList(initial) : { week: comingMondays(new Date(), 2)[1], intro: '', target: String(WEEKLY_TARGET_DEFAULT), branchIds: [], items: [] },
  )
  const action = useAction()
  const change = (fields: Partial<Draft>) => setDraft((d) => ({ ...d, ...fields }))
  const setItem = (index: number, item: DraftItem | null) =>
    change({ items: item ? draft.items.map((it, i) => (i === index ? item : it)) : draft.items.filter((_, i) => i !== index) })
  const weeks = [...new Set([...(initial ? [initial.week] : []), ...comingMondays(new Date(), WEEKS_AHEAD)])]

  const save = () => callFunction('saveWeeklyList', toInput(id, draft)).then((saved) => (setId(saved._id), saved))
  const saveDraft = () => void action.run(async () => (await save(), '已保存，发布前可以继续修改'))
  const schedule = (scheduled: boolean) =>
    void action.run(async () => {
      const saved = scheduled ? await save() : undefined
      const result = await callFunction('scheduleWeeklyList', { id: saved?._id ?? id ?? '', scheduled })
      setStatus(result.status)
      if (result.status === 'published') {
        void Taro.redirectTo({ url: weeklyListUrl(result) })
        return `已发布给 ${result.publishedTo ?? 0} 位党员`
      }
      return scheduled ? `已定稿，将于${monthDay(result.week)}（周一）08:00 发布` : '已撤回为草稿'
    })

  if (status === 'published') return <Text className='section-note'>这份清单已经发布，不能再修改。</Text>
  return (
    <View>
      <View className='card'>
        <Text className={`tag ${status === 'scheduled' ? 'tag--blue' : ''}`}>{WEEKLY_STATUS_NAMES[status]}</Text>
        <Chips
          label='周次（周一 08:00 发布）'
          choices={weeks.map((w) => ({ value: w, label: weekRange(w) }))}
          value={draft.week}
          onChange={(w) => w && change({ week: w })}
        />
        <Field
          label='导语'
          value={draft.intro}
          onInput={(intro) => change({ intro })}
          max={WEEKLY_INTRO_MAX}
          multiline
          placeholder='本周学习的重点，写给大家的几句话'
        />
        <Field
          label='本周学习时长目标（分钟）'
          value={draft.target}
          onInput={(target) => change({ target: target.replace(/\D/g, '') })}
          hint='默认每周 30 分钟，计入所有学习内容'
        />
        <Text className='field__label'>发给</Text>
        <Toggle
          label='全体党员'
          checked={draft.branchIds.length === 0}
          onChange={(all) => change({ branchIds: all ? [] : branches.slice(0, 1).map((b) => b._id) })}
        />
        {draft.branchIds.length > 0 &&
          branches.map((b) => (
            <Toggle
              key={b._id}
              label={b.name}
              checked={draft.branchIds.includes(b._id)}
              onChange={(on) => change({ branchIds: on ? [...draft.branchIds, b._id] : draft.branchIds.filter((x) => x !== b._id) })}
            />
          ))}
      </View>
      <View className='card'>
        <View className='card__title'>{`学习内容（${draft.items.length} 项）`}</View>
        {draft.items.length === 0 && <Text className='section-note'>还没有内容：从下面添加文章、书的章节或链接。</Text>}
        {draft.items.map((item, i) => (
          <View key={`${item.kind}-${item.refId ?? item.url}-${i}`} className='weekly-edit__item'>
            <Text className='row__title'>{itemTitle({ title: item.title, bookTitle: item.bookTitle ?? null })}</Text>
            <Text className='row__sub'>{item.kind === 'link' ? `${KIND_NAMES.link} · 选学 · ${item.url}` : KIND_NAMES[item.kind]}</Text>
            {item.kind !== 'link' && (
              <Toggle
                label='必学'
                description='必学内容计入完成情况和周日提醒'
                checked={item.required}
                onChange={(required) => setItem(i, { ...item, required })}
              />
            )}
            <Button className='plain-button weekly-edit__remove' onClick={() => setItem(i, null)}>
              移除
            </Button>
          </View>
        ))}
      </View>
      <ItemPicker onPick={(item) => change({ items: [...draft.items, item] })} />
      <Outcome outcome={action.outcome} />
      <View className='button-row'>
        <Button className='plain-button' disabled={action.busy} onClick={saveDraft}>
          保存
        </Button>
        {status === 'scheduled' ? (
          <Button className='plain-button' disabled={action.busy} onClick={() => schedule(false)}>
            撤回为草稿
          </Button>
        ) : (
          <Button className='big-button big-button--small' disabled={action.busy} onClick={() => schedule(true)}>
            定稿发布
          </Button>
        )}
      </View>
    </View>
  )
}

function Load({ id }: { id: string }) {
  const list = useAsync(() => (id ? callFunction('getWeeklyList', { id }) : Promise.resolve(null)))
  const units = useAsync(() => callFunction('listUnits', {}))
  return (
    <Loaded state={list}>
      {(initial) => <Loaded state={units}>{(tree) => <Editor initial={initial} branches={tree.branches.filter((b) => !b.archived)} />}</Loaded>}
    </Loaded>
  )
}

export default function WeeklyEditPage() {
  const id = queryValue(useRouter().params.id)
  return <AdminPage orgAdminOnly>{() => <Load id={id} />}</AdminPage>
}
