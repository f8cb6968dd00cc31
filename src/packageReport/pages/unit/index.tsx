import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ExportFormat, ActionOutput, MemberQuarter, UnitQuarter } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { openDownload } from '../../../services/download'
import { toCloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { useMe } from '../../../hooks/useMe'
import PageRoot from '../../../components/PageRoot'
import { ErrorNotice, Loading } from '../../../components/Status'
import { isAdmin } from '../../../utils/roles'
import { quarterName } from '../../../../types/calendar'
import { percentText } from '../../../utils/quarter'
import { hoursText } from '../../../utils/score'
import { ROUTES, queryValue, withQuery } from '../../../utils/routes'
import '../../report.scss'

type Report = ActionOutput<'getUnitQuarterReport'>

function UnitLine({ unit }: { unit: UnitQuarter }) {
  return (
    <Text className='report-row__sub'>
      {`${unit.members} 人 · 人均学时 ${hoursText(unit.avgStudySeconds)} · 必学完成率 ${percentText(unit.completionRate, '本季度无必学内容')} · 学时达标率 ${percentText(unit.targetRate, '没有需达标的周')} · 考试通过率 ${percentText(unit.examPassRate, '本季度没有考试')} · 组织生活出勤率 ${percentText(unit.attendanceRate, '本季度没有会议')} · 评级 ${unit.rating} 星`}
    </Text>
  )
}

function MemberLine({ m }: { m: MemberQuarter }) {
  return (
    <View className='report-row'>
      <Text className='report-row__title'>{`${m.groupRank}. ${m.name}`}</Text>
      <Text className='report-row__sub'>{`学时 ${hoursText(m.studySeconds)} · 必学 ${m.requiredDone}/${m.requiredCount} · 达标 ${m.weeksMet}/${m.weeks} 周 · 打卡 ${m.checkInDays} 天 · 积分 ${m.points} · 考试 ${m.examsPassed}/${m.exams} · 组织生活 ${m.meetingsAttended}/${m.meetings}${m.meetingsOnLeave ? `（请假 ${m.meetingsOnLeave}）` : ''}`}</Text>
    </View>
  )
}

const EXPORTS: { label: string; format: ExportFormat; rows: 'members' | 'units' | 'archive' }[] = [
  { label: '导出 Excel：成员明细', format: 'xlsx', rows: 'members' },
  { label: '导出 Excel：单位排名', format: 'xlsx', rows: 'units' },
  { label: '导出 CSV：成员明细', format: 'csv', rows: 'members' },
  { label: '导出 Excel：成员学习档案（今年）', format: 'xlsx', rows: 'archive' },
]

function Exports({ quarter, unitId }: { quarter: string; unitId: string }) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  async function run(format: ExportFormat, rows: 'members' | 'units' | 'archive') {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      const file =
        rows === 'archive'
          ? await callFunction('exportMemberArchive', { unitId, format })
          : await callFunction('exportQuarterReport', { quarter, format, rows })
      await openDownload(file.url, file.fileName)
      setMessage(`已生成「${file.fileName}」，共 ${file.rows} 行`)
    } catch (error) {
      setMessage(toCloudError(error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card report-export'>
      <View className='card__title'>导出</View>
      {EXPORTS.map((e) => (
        <Button key={e.label} className='plain-button' disabled={busy} onClick={() => void run(e.format, e.rows)}>
          {e.label}
        </Button>
      ))}
      {message && <Text className='report-note'>{message}</Text>}
    </View>
  )
}

function ReportView({ data, canExport }: { data: Report; canExport: boolean }) {
  const { report, unit, parts, members } = data
  if (!report || !unit) {
    return (
      <View className='card'>
        <Text className='report-note'>季度通报在每个季度的第一天生成，这里还没有可看的通报。</Text>
      </View>
    )
  }
  return (
    <View>
      <View className='card report-head'>
        <Text className='report-head__title'>{`${quarterName(report.quarter)} · ${unit.name}`}</Text>
        <UnitLine unit={unit} />
        <Text className='report-row__sub'>{`总学时 ${hoursText(unit.studySeconds)} · 打卡 ${unit.checkInDays} 天次 · 积分 ${unit.points}`}</Text>
      </View>
      {parts.length > 0 && (
        <View className='card'>
          <View className='card__title'>{unit.kind === 'committee' ? '各党支部排名' : '各党小组排名'}</View>
          {parts.map((p) => (
            <View
              key={p.unitId}
              className='report-row'
              ariaRole='button'
              onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.unitQuarter, { unitId: p.unitId }) })}
            >
              <Text className='report-row__title'>{`${p.rank}. ${p.name} ›`}</Text>
              <UnitLine unit={p} />
            </View>
          ))}
        </View>
      )}
      {members.length > 0 && (
        <View className='card'>
          <View className='card__title'>组员（按积分排名）</View>
          {members.map((m) => (
            <MemberLine key={m.memberId} m={m} />
          ))}
        </View>
      )}
      {canExport && <Exports quarter={report.quarter} unitId={unit.unitId} />}
    </View>
  )
}

/** 季度通报 of a unit: a leader's group; an admin's branch or the organisation, ranked, with exports. */
export default function UnitQuarterPage() {
  const unitId = queryValue(useRouter().params.unitId) || undefined
  const me = useMe()
  const report = useAsync(() => callFunction('getUnitQuarterReport', unitId ? { unitId } : {}))
  usePullDownRefresh(() => {
    void report.reload().finally(() => Taro.stopPullDownRefresh())
  })
  let body
  if (report.data) body = <ReportView data={report.data} canExport={!!me.data && isAdmin(me.data.roles)} />
  else if (report.status === 'error') body = <ErrorNotice message={report.error.message} onRetry={() => void report.reload()} />
  else body = <Loading />
  return <PageRoot className='report'>{body}</PageRoot>
}
