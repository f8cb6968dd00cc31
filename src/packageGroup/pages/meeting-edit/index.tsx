import { useRef, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActionInput, ActionOutput, Meeting, MeetingKind, MemberProfile } from '../../../../types'
import { addDays, beijingClock, chineseDay, dayKey } from '../../../../types/calendar'
import { MEETING_AGENDA_MAX, MEETING_ITEMS_MAX, MEETING_KIND_NAMES, MEETING_KINDS, MEETING_PLACE_MAX, MEETING_TITLE_MAX } from '../../../../types/meeting-rules'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import { useMe } from '../../../hooks/useMe'
import Chips from '../../../components/Chips'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { checkTexts } from '../../../utils/forms'
import { newRequestKey } from '../../../utils/requestKey'
import { isAdmin } from '../../../utils/roles'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'

interface Form {
  unitId: string | undefined
  kind: MeetingKind
  title: string
  on: string
  from: string
  to: string
  place: string
  agenda: string
  items: Meeting['items']
}

interface UnitChoice {
  value: string
  label: string
  kind: 'committee' | 'branch' | 'group'
}

/** The units the caller runs meetings for: a leader their group; admins their branch and its groups (the organisation too for 组织管理员). */
async function unitChoices(me: MemberProfile): Promise<UnitChoice[]> {
  if (!isAdmin(me.roles)) return [{ value: me.groupId, label: me.groupName, kind: 'group' }]
  const tree = await callFunction('listUnits', {})
  const choices: UnitChoice[] = me.roles.includes('orgAdmin') ? [{ value: tree.committee._id, label: `${tree.committee.name}（全体）`, kind: 'committee' }] : []
  for (const b of tree.branches.filter((b) => !b.archived)) {
    choices.push(
      { value: b._id, label: `${b.name}全体`, kind: 'branch' },
      ...b.groups.filter((g) => !g.archived).map((g) => ({ value: g._id, label: g.name, kind: 'group' as const })),
    )
  }
  return choices
}

/** A new meeting: tomorrow 14:30–16:00, a 党小组会 for a leader's group, 集中学习 otherwise. */
function formOf(m: Meeting | null, units: UnitChoice[]): Form {
  const first = units[0]
  return {
    unitId: m?.unitId ?? first?.value,
    kind: m?.kind ?? (first?.kind === 'group' ? 'groupMeeting' : 'groupStudy'),
    title: m?.title ?? '',
    on: m ? dayKey(new Date(m.startsAt)) : addDays(dayKey(new Date()), 1),
    from: m ? beijingClock(m.startsAt) : '14:30',
    to: m ? beijingClock(m.endsAt) : '16:00',
    place: m?.place ?? '',
    agenda: m?.agenda ?? '',
    items: m?.items ?? [],
  }
}

function inputOf(f: Form): Omit<ActionInput<'saveMeeting'>, 'requestKey' | 'id'> {
  checkTexts([
    ['会议名称', f.title, MEETING_TITLE_MAX],
    ['地点', f.place, MEETING_PLACE_MAX],
  ])
  if (!f.unitId) throw new CloudError('INVALID_INPUT', '请选择参会范围')
  return {
    unitId: f.unitId,
    kind: f.kind,
    title: f.title,
    startsAt: `${f.on}T${f.from}:00+08:00`,
    endsAt: `${f.on}T${f.to}:00+08:00`,
    place: f.place,
    agenda: f.agenda.trim(),
    items: f.items.map(({ kind, id }) => ({ kind, id })),
  }
}

/** 会前学习: published books and articles found by title, picked to go with the meeting (at most MEETING_ITEMS_MAX). */
function StudyItems({ items, onChange }: { items: Meeting['items']; onChange: (items: Meeting['items']) => void }) {
  const [kind, setKind] = useState<'book' | 'article'>('article')
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<Meeting['items'] | null>(null)
  const finding = useAction()
  const find = () =>
    void finding.run(async () => {
      const page = await callFunction('listLibrary', { kind, ...(search.trim() ? { search: search.trim() } : {}) })
      setFound(page.items.map((i) => ({ kind, id: i._id, title: i.title })))
    })
  const picked = (i: { kind: string; id: string }) => items.some((p) => p.kind === i.kind && p.id === i.id)
  return (
    <View className='field'>
      <Text className='field__label'>{`会前学习（可不选，最多 ${MEETING_ITEMS_MAX} 项）`}</Text>
      {items.map((i) => (
        <View key={`${i.kind}:${i.id}`} className='row'>
          <Text className='row__title'>{i.kind === 'book' ? `《${i.title}》` : i.title}</Text>
          <Button className='plain-button' onClick={() => onChange(items.filter((p) => !(p.kind === i.kind && p.id === i.id)))}>
            移除
          </Button>
        </View>
      ))}
      <Chips
        choices={[
          { value: 'article' as const, label: '文章' },
          { value: 'book' as const, label: '书目' },
        ]}
        value={kind}
        onChange={(k) => k && (setKind(k), setFound(null))}
      />
      <View className='button-row'>
        <Input className='field__input' value={search} placeholder='按标题查找' onInput={(e) => setSearch(e.detail.value)} />
        <Button className='plain-button' disabled={finding.busy} onClick={find}>
          查找
        </Button>
      </View>
      {finding.error && <Text className='message message--error'>{finding.error}</Text>}
      {found?.length === 0 && <Text className='section-note'>没有找到</Text>}
      {found
        ?.filter((i) => !picked(i))
        .map((i) => (
          <View key={i.id} className='row' ariaRole='button' onClick={() => items.length < MEETING_ITEMS_MAX && onChange([...items, i])}>
            <Text className='row__title'>{i.kind === 'book' ? `《${i.title}》` : i.title}</Text>
            <Text className='tag'>添加</Text>
          </View>
        ))}
    </View>
  )
}

/** What scheduling did, in words: who is expected, who was told, who can't be (no grant). */
function savedText(r: ActionOutput<'saveMeeting'>): string {
  const n = r.notified
  const told = [
    n.sent && `已发送 ${n.sent} 人`,
    n.deferred && `免打扰时段，早上发送 ${n.deferred} 人`,
    n.dailyCap && `今日已达上限 ${n.dailyCap} 人`,
    n.failed && `发送失败 ${n.failed} 人`,
  ].filter(Boolean)
  return `已保存：应到 ${r.audience} 人。会议通知：${told.length ? told.join('，') : '没有新发出'}；未订阅 ${n.noGrant ?? 0} 人（请在群里或当面告诉他们）。`
}

function Editor({ meeting, units }: { meeting: Meeting | null; units: UnitChoice[] }) {
  const [form, setForm] = useState(() => formOf(meeting, units))
  const [saved, setSaved] = useState<ActionOutput<'saveMeeting'> | null>(null)
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))
  const saving = useAction()
  const requestKey = useRef(newRequestKey())
  const unitKind = units.find((u) => u.value === form.unitId)?.kind
  const kinds = MEETING_KINDS.filter((k) => k !== 'groupMeeting' || unitKind === 'group').map((k) => ({ value: k, label: MEETING_KIND_NAMES[k] }))
  const save = () =>
    void saving.run(async () => {
      setSaved(await callFunction('saveMeeting', { ...inputOf(form), ...(meeting ? { id: meeting._id } : { requestKey: requestKey.current }) }))
    })
  if (saved) {
    return (
      <View className='card'>
        <View className='card__title'>{saved.meeting.title}</View>
        <Text className='message message--ok'>{savedText(saved)}</Text>
        <Button className='big-button' onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.meeting, { id: saved.meeting._id }) })}>
          查看会议
        </Button>
      </View>
    )
  }
  return (
    <View className='card'>
      <View className='card__title'>{meeting ? '修改会议' : '安排会议'}</View>
      <Chips
        label='参会范围'
        choices={units}
        value={form.unitId}
        onChange={(unitId) =>
          unitId && set({ unitId, ...(units.find((u) => u.value === unitId)?.kind !== 'group' && form.kind === 'groupMeeting' ? { kind: 'groupStudy' } : {}) })
        }
      />
      <Chips label='会议类型' choices={kinds} value={form.kind} onChange={(kind) => kind && set({ kind })} />
      <View className='field'>
        <Text className='field__label'>会议名称</Text>
        <Input
          className='field__input'
          value={form.title}
          maxlength={MEETING_TITLE_MAX + 5}
          placeholder='例如：十二月党小组会'
          onInput={(e) => set({ title: e.detail.value })}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>时间（北京时间）</Text>
        <View className='button-row'>
          <Picker mode='date' value={form.on} onChange={(e) => set({ on: String(e.detail.value) })}>
            <View className='field__input'>{chineseDay(form.on)}</View>
          </Picker>
          <Picker mode='time' value={form.from} onChange={(e) => set({ from: String(e.detail.value) })}>
            <View className='field__input'>{`${form.from} 开始`}</View>
          </Picker>
          <Picker mode='time' value={form.to} onChange={(e) => set({ to: String(e.detail.value) })}>
            <View className='field__input'>{`${form.to} 结束`}</View>
          </Picker>
        </View>
      </View>
      <View className='field'>
        <Text className='field__label'>地点</Text>
        <Input
          className='field__input'
          value={form.place}
          maxlength={MEETING_PLACE_MAX + 5}
          placeholder='例如：社区党群服务中心二楼'
          onInput={(e) => set({ place: e.detail.value })}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>议程（可不填）</Text>
        <Textarea
          className='field__input field__textarea'
          value={form.agenda}
          maxlength={MEETING_AGENDA_MAX}
          autoHeight
          onInput={(e) => set({ agenda: e.detail.value })}
        />
      </View>
      <StudyItems items={form.items} onChange={(items) => set({ items })} />
      <Text className='section-note'>保存后，参会范围内订阅了会议通知的同志会收到提醒；改了时间会再提醒一次。</Text>
      {saving.error && <Text className='message message--error'>{saving.error}</Text>}
      <Button className={`big-button${saving.busy ? ' big-button--disabled' : ''}`} disabled={saving.busy} onClick={save}>
        {saving.busy ? '正在保存…' : '保存并通知'}
      </Button>
    </View>
  )
}

function Loader({ id, me }: { id: string; me: MemberProfile }) {
  const loaded = useAsync(async () => {
    const [meeting, units] = await Promise.all([id ? callFunction('getMeeting', { id }).then((v) => v.meeting) : Promise.resolve(null), unitChoices(me)])
    return { meeting, units }
  })
  return loaded.data ? (
    <Editor meeting={loaded.data.meeting} units={loaded.data.units} />
  ) : (
    <PendingCard error={loaded.error} onRetry={() => void loaded.reload()} />
  )
}

/** 安排会议 (leaders and admins), or changes one that has not started. */
export default function MeetingEditPage() {
  const id = queryValue(useRouter().params.id)
  const me = useMe()
  return <PageRoot>{me.data ? <Loader id={id} me={me.data} /> : <PendingCard error={me.error} onRetry={() => void me.reload()} />}</PageRoot>
}
