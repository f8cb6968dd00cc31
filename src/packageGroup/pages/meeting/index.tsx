import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ActionOutput, AttendanceRow, Meeting } from '../../../../types'
import { LEAVE_REASON_MAX, MEETING_KIND_NAMES, MEETING_MINUTES_MAX } from '../../../../types/meeting-rules'
import { callFunction } from '../../../services/cloud'
import { scanCode } from '../../../services/scan'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { confirm } from '../../../utils/confirm'
import { meetingTime, myState, parseMeetingQr, STATE_TAGS } from '../../../utils/meetings'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'
import '../../group.scss'

type View_ = ActionOutput<'getMeeting'>

function About({ m }: { m: Meeting }) {
  const [state, tag] = STATE_TAGS[m.state]
  return (
    <View className='card'>
      <View>
        <Text className={`tag ${tag}`}>{state}</Text>
        <Text className='tag'>{MEETING_KIND_NAMES[m.kind]}</Text>
      </View>
      <View className='card__title'>{m.title}</View>
      <View className='pair-row'>
        <Text>时间</Text>
        <Text>{meetingTime(m)}</Text>
      </View>
      <View className='pair-row'>
        <Text>地点</Text>
        <Text>{m.place}</Text>
      </View>
      <View className='pair-row'>
        <Text>参会范围</Text>
        <Text>{m.unitName}</Text>
      </View>
      {m.agenda !== '' && <Text className='section-note'>{`议程：${m.agenda}`}</Text>}
      {m.items.map((i) => (
        <Button
          key={`${i.kind}:${i.id}`}
          className='plain-button'
          onClick={() =>
            void Taro.navigateTo({ url: i.kind === 'book' ? withQuery(ROUTES.book, { id: i.id }) : withQuery(ROUTES.reader, { kind: 'article', id: i.id }) })
          }
        >
          {`会前学习：${i.kind === 'book' ? `《${i.title}》` : i.title}`}
        </Button>
      ))}
      {m.minutes && <Text className='section-note'>{`会议记录：${m.minutes}`}</Text>}
    </View>
  )
}

/** The member's own part: 签到 (scan, or type the code) and 请假. */
function Mine({ m, onChange }: { m: Meeting; onChange: (m: Meeting) => void }) {
  const [code, setCode] = useState('')
  const [reason, setReason] = useState('')
  const signing = useAction()
  const leaving = useAction()
  const mine = m.mine!
  const [state, tag] = myState(mine)
  const open = m.state === 'upcoming' || m.state === 'ongoing'
  const signIn = (meetingId: string, typed: string) =>
    void signing.run(async () => onChange(await callFunction('signInMeeting', { meetingId, code: typed })), '签到成功')
  const scan = () =>
    void signing.run(async () => {
      const text = await scanCode!()
      if (text === null) return
      const qr = parseMeetingQr(text)
      if (!qr) throw new Error('这不是学习圈的签到二维码')
      if (qr.meetingId !== m._id) throw new Error('这是另一次会议的签到码，请扫描本次会议的二维码')
      onChange(await callFunction('signInMeeting', qr))
    })
  return (
    <View className='card'>
      <View className='card__title'>我的出席</View>
      <Text className={`tag ${tag}`}>{state}</Text>
      {mine.leaveReason && <Text className='section-note'>{`请假理由：${mine.leaveReason}${mine.leaveComment ? `；组长：${mine.leaveComment}` : ''}`}</Text>}
      {open && !mine.present && (
        <View>
          {scanCode && (
            <Button className='big-button' disabled={signing.busy} onClick={scan}>
              扫码签到
            </Button>
          )}
          <Text className='field__label'>{scanCode ? '扫不了码？输入二维码下面的 6 位数字' : '输入组长手机上二维码下面的 6 位数字'}</Text>
          <Input
            className='field__input meeting-code-input'
            type='number'
            maxlength={6}
            value={code}
            placeholder='6 位数字'
            onInput={(e) => setCode(e.detail.value)}
          />
          {signing.error && <Text className='message message--error'>{signing.error}</Text>}
          <Button
            className={`big-button${code.length !== 6 || signing.busy ? ' big-button--disabled' : ''}`}
            disabled={code.length !== 6 || signing.busy}
            onClick={() => signIn(m._id, code)}
          >
            {signing.busy ? '正在签到…' : '签到'}
          </Button>
        </View>
      )}
      {open && !mine.present && mine.leave !== 'approved' && (
        <View>
          <Text className='field__label'>{mine.leave === 'pending' ? '修改请假理由' : '来不了？请假'}</Text>
          <Textarea
            className='field__input field__textarea'
            value={reason}
            maxlength={LEAVE_REASON_MAX}
            autoHeight
            placeholder='请假理由，例如：外出就医'
            onInput={(e) => setReason(e.detail.value)}
          />
          {leaving.error && <Text className='message message--error'>{leaving.error}</Text>}
          <Button
            className='plain-button'
            disabled={leaving.busy || reason.trim() === ''}
            onClick={() => void leaving.run(async () => onChange(await callFunction('requestLeave', { meetingId: m._id, reason })), '已提交请假')}
          >
            提交请假
          </Button>
        </View>
      )}
      {!open && (
        <Button
          className='plain-button'
          onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.reflectionEdit, { kind: 'meeting', id: m._id, title: m.title }) })}
        >
          写会议心得
        </Button>
      )}
    </View>
  )
}

const ROW_STATE: Record<AttendanceRow['status'], [string, string]> = {
  present: ['已签到', 'tag--green'],
  leave: ['请假', 'tag--gold'],
  leavePending: ['请假待批', 'tag--blue'],
  absent: ['未到', 'tag--red'],
}

/** One member on the roster, with the leader's answers: 准假 / 不准假 (with a reason), 补登 (with a note). */
function RosterRow({ m, row, onDone }: { m: Meeting; row: AttendanceRow; onDone: (row: AttendanceRow) => void }) {
  const [asking, setAsking] = useState<'reject' | 'mark' | null>(null)
  const [text, setText] = useState('')
  const action = useAction()
  const [label, tag] = ROW_STATE[row.status]
  const started = m.state === 'ongoing' || m.state === 'ended'
  const answer = (approve: boolean, comment?: string) =>
    void action.run(async () =>
      onDone(await callFunction('reviewLeave', { meetingId: m._id, memberId: row.memberId, approve, ...(comment ? { comment } : {}) })),
    )
  const mark = () => void action.run(async () => onDone(await callFunction('markAttendance', { meetingId: m._id, memberId: row.memberId, note: text })))
  return (
    <View className='row'>
      <View className='row__main'>
        <Text className='row__title'>{row.name}</Text>
        <Text className='row__sub'>
          {[row.groupName, row.how === 'manual' ? `${row.markedByName ?? '组长'}补登` : '', row.leaveReason ? `请假：${row.leaveReason}` : '']
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {action.error && <Text className='message message--error'>{action.error}</Text>}
        {asking && (
          <View>
            <Input
              className='field__input'
              value={text}
              placeholder={asking === 'reject' ? '不准假的原因' : '补登说明，例如：到会但手机没电'}
              onInput={(e) => setText(e.detail.value)}
            />
            <Button className='plain-button' disabled={action.busy || text.trim() === ''} onClick={() => (asking === 'reject' ? answer(false, text) : mark())}>
              {asking === 'reject' ? '确认不准假' : '确认补登'}
            </Button>
          </View>
        )}
      </View>
      <Text className={`tag ${tag}`}>{label}</Text>
      {row.status === 'leavePending' && !asking && (
        <View className='button-row'>
          <Button className='plain-button' disabled={action.busy} onClick={() => answer(true)}>
            准假
          </Button>
          <Button className='plain-button' onClick={() => setAsking('reject')}>
            不准
          </Button>
        </View>
      )}
      {started && row.status !== 'present' && !asking && (
        <Button className='plain-button' onClick={() => (setText('到会参加，现场补登'), setAsking('mark'))}>
          补登
        </Button>
      )}
    </View>
  )
}

/** For those who run it: the code screen, changes, the roster with 应到 / 实到 / 请假 / 未到, and 会议记录. */
function Run({ view, onChange }: { view: View_; onChange: (v: View_) => void }) {
  const { meeting: m, attendance } = view
  const [minutes, setMinutes] = useState(m.minutes ?? '')
  const saving = useAction()
  const cancelling = useAction()
  const started = m.state === 'ongoing' || m.state === 'ended'
  const replaceRow = (row: AttendanceRow) => {
    const rows = attendance!.rows.map((r) => (r.memberId === row.memberId ? row : r))
    const count = (s: AttendanceRow['status']) => rows.filter((r) => r.status === s).length
    onChange({
      meeting: m,
      attendance: { rows, expected: rows.length, present: count('present'), onLeave: count('leave'), absent: rows.length - count('present') - count('leave') },
    })
  }
  const cancel = () =>
    void cancelling.run(async () => {
      if (!(await confirm('取消这次会议？', '取消后不再签到，也不计入出勤。', '取消会议'))) return
      onChange({ ...view, meeting: await callFunction('cancelMeeting', { id: m._id }) })
    })
  return (
    <View>
      {m.state !== 'cancelled' && m.state !== 'ended' && (
        <View className='card'>
          <View className='card__title'>主持会议</View>
          <Button className='big-button' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingCode, { id: m._id }) })}>
            显示签到二维码
          </Button>
          {m.state === 'upcoming' && (
            <Button className='plain-button' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meetingEdit, { id: m._id }) })}>
              修改会议
            </Button>
          )}
          {cancelling.error && <Text className='message message--error'>{cancelling.error}</Text>}
          <Button className='plain-button' disabled={cancelling.busy} onClick={cancel}>
            取消会议
          </Button>
        </View>
      )}
      {attendance && (
        <View className='card'>
          <View className='card__title'>出席情况</View>
          <Text className='section-note'>{`应到 ${attendance.expected} 人 · 实到 ${attendance.present} 人 · 请假 ${attendance.onLeave} 人 · 未到 ${attendance.absent} 人`}</Text>
          {attendance.rows.map((row) => (
            <RosterRow key={row.memberId} m={m} row={row} onDone={replaceRow} />
          ))}
        </View>
      )}
      {started && (
        <View className='card'>
          <View className='card__title'>会议记录</View>
          <Textarea
            className='field__input field__textarea'
            value={minutes}
            maxlength={MEETING_MINUTES_MAX}
            autoHeight
            placeholder='会议议程、学习内容、发言要点和决定事项'
            onInput={(e) => setMinutes(e.detail.value)}
          />
          {saving.error && <Text className='message message--error'>{saving.error}</Text>}
          <Button
            className='big-button big-button--small'
            disabled={saving.busy || minutes.trim() === ''}
            onClick={() =>
              void saving.run(async () => onChange({ ...view, meeting: await callFunction('saveMeetingMinutes', { meetingId: m._id, minutes }) }), '已保存')
            }
          >
            保存会议记录
          </Button>
        </View>
      )}
    </View>
  )
}

/** A meeting: what, when and where; my sign-in and leave; for those who run it, the roster and the record. */
export default function MeetingPage() {
  const id = queryValue(useRouter().params.id)
  const loaded = useAsync(() => callFunction('getMeeting', { id }))
  usePullDownRefresh(() => void loaded.reload().finally(() => void Taro.stopPullDownRefresh()))
  // Back from the code screen or the editor: the roster and the times show as they are now.
  useRefreshOnReturn(loaded.reload)
  const view = loaded.data
  if (!view) {
    return (
      <PageRoot>
        <PendingCard error={loaded.error} onRetry={() => void loaded.reload()} />
      </PageRoot>
    )
  }
  const setView = (next: View_) => loaded.update(() => next)
  return (
    <PageRoot>
      <About m={view.meeting} />
      {view.meeting.mine && view.meeting.state !== 'cancelled' && <Mine m={view.meeting} onChange={(meeting) => setView({ ...view, meeting })} />}
      {view.meeting.manages && <Run view={view} onChange={setView} />}
    </PageRoot>
  )
}
