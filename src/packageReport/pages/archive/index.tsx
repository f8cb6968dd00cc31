import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ArchiveYear } from '../../../../types'
import { beijingDate } from '../../../../types/calendar'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { queryValue } from '../../../utils/routes'
import { hoursText } from '../../../utils/score'

const stars = (n: number) => (n > 0 ? '★'.repeat(n) : '暂无')

function Year({ y }: { y: ArchiveYear }) {
  const rows: [string, string][] = [
    ['学时', hoursText(y.studySeconds)],
    ['必读书目', `完成 ${y.requiredChapters} 章`],
    ['打卡', `${y.checkInDays} 天，最长连续 ${y.longestStreak} 天`],
    [
      '组织生活',
      y.meetings.expected
        ? `出席 ${y.meetings.attended}/${y.meetings.expected} 次${y.meetings.onLeave ? `，请假 ${y.meetings.onLeave} 次` : ''}，缺席 ${y.meetings.expected - y.meetings.attended - y.meetings.onLeave} 次`
        : '这一年没有会议',
    ],
    ['学习心得', `通过 ${y.reflectionsApproved} 篇${y.reflectionsFeatured ? `，其中精选 ${y.reflectionsFeatured} 篇` : ''}`],
    ['积分', `${y.points} 分`],
    ['星级', `${stars(y.stars)}${y.starsFrozen ? '（已定档）' : '（按目前成绩，年底定档）'}`],
  ]
  return (
    <View className='card'>
      <View className='card__title'>{`${y.year} 年`}</View>
      {rows.map(([label, value]) => (
        <View key={label} className='pair-row'>
          <Text>{label}</Text>
          <Text>{value}</Text>
        </View>
      ))}
      {y.byCategory.length > 0 && (
        <Text className='section-note'>{`按类别：${y.byCategory.map((c) => `${c.categoryName} ${hoursText(c.seconds)}`).join('，')}`}</Text>
      )}
      {y.booksCompleted.length > 0 && (
        <Text className='section-note'>{`读完的书：${y.booksCompleted.map((b) => `《${b.title}》（${beijingDate(b.completedAt)}）`).join('、')}`}</Text>
      )}
      <Text className='section-note'>
        {y.exams.length
          ? `考试：${y.exams.map((e) => `${e.title} ${e.best === null ? '超时未交' : `${e.best} 分${e.passed ? '' : '（未及格）'}`}`).join('；')}`
          : '考试：这一年没有参加考试'}
      </Text>
    </View>
  )
}

/** 电子档案: a member's years, newest first (one's own, or a member a leader or admin opened). */
export default function ArchivePage() {
  const memberId = queryValue(useRouter().params.memberId) || undefined
  const archive = useAsync(() => callFunction('getMemberArchive', memberId ? { memberId } : {}))
  usePullDownRefresh(() => {
    void archive.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = archive.data
  return (
    <PageRoot>
      {!data ? (
        <PendingCard error={archive.status === 'error' ? archive.error : undefined} onRetry={() => void archive.reload()} />
      ) : (
        <>
          <View className='banner banner--compact'>
            <Text className='banner__title'>{`${data.member.name}的学习档案`}</Text>
            <Text className='banner__sub'>{`${data.member.branchName} · ${data.member.groupName}`}</Text>
            <Text className='banner__note'>学时、必读、打卡、考试、心得、积分和星级，逐年记录，评议时以此为据。</Text>
          </View>
          {data.years.map((y) => (
            <Year key={y.year} y={y} />
          ))}
        </>
      )}
    </PageRoot>
  )
}
