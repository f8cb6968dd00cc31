import { useEffect, useState, type ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { MemberProfile, MemberSummary } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { CloudError, toCloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { roleText } from '../../../../types/people'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'
import { Loading } from '../../../components/Status'
import AdminPage from '../../components/AdminPage'
import LoadError from '../../components/LoadError'
import MemberRow from '../../components/MemberRow'
import { confirm } from '../../utils/confirm'
import { STATUS_NAMES } from '../../utils/format'
import { rememberMembers } from '../../utils/memberNames'
import type { Act } from './act'
import Move from './Move'
import Roles from './Roles'
import './index.scss'

/** The roster has no look-up by id: search the name and pick the id (names are short, pages few). */
async function findMember(id: string, name: string): Promise<MemberSummary> {
  let cursor: string | undefined
  do {
    const page = await callFunction('listMembers', { search: name, cursor })
    const found = page.items.find((m) => m._id === id)
    if (found) return found
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  throw new CloudError('NOT_FOUND', '没有找到这位成员，可能已调出你管理的范围，请回到成员列表刷新')
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='card'>
      <View className='card__title'>{title}</View>
      {children}
    </View>
  )
}

function Detail({ me, id, name }: { me: MemberProfile; id: string; name: string }) {
  const member = useAsync(() => findMember(id, name))
  const tree = useAsync(() => callFunction('listUnits', {}))
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  usePullDownRefresh(() => {
    void Promise.all([member.reload(), tree.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useEffect(() => {
    if (member.data) rememberMembers([member.data])
  }, [member.data])

  const act: Act = async (ask, run, done) => {
    if (busy || !(await confirm(ask.title, ask.content, ask.action))) return false
    setBusy(true)
    setMessage(null)
    try {
      const changed = await run()
      member.update(() => changed)
      setMessage({ ok: true, text: done })
      return true
    } catch (error) {
      setMessage({ ok: false, text: toCloudError(error).message })
      return false
    } finally {
      setBusy(false)
    }
  }

  if (!member.data) {
    return <View className='card'>{member.status === 'error' ? <LoadError error={member.error} onRetry={() => void member.reload()} /> : <Loading />}</View>
  }
  const m = member.data
  const isSelf = m._id === me.memberId
  const inactive = m.status === 'inactive'

  return (
    <View>
      <View className='card member-card'>
        <MemberRow member={m} />
        <View className='member-facts'>
          <Text className='member-facts__line'>{`身份：${roleText(m.roles)}`}</Text>
          <Text className='member-facts__line'>{`状态：${STATUS_NAMES[m.status]}${m.status === 'pending' ? '（已预登记，本人还没有注册）' : ''}`}</Text>
          {m.phone && <Text className='member-facts__line'>{`手机号：${m.phone}`}</Text>}
        </View>
      </View>

      {m.status === 'review' && <Held member={m} act={act} busy={busy} />}

      {message && <Text className={`message ${message.ok ? 'message--ok' : 'message--error'}`}>{message.text}</Text>}

      <Section title='角色'>
        <Roles member={m} me={me} act={act} busy={busy} />
      </Section>

      <Section title='党小组'>
        <Move member={m} tree={tree.data} act={act} busy={busy} />
      </Section>

      <Section title='账号'>
        <Text className='section-note'>{inactive ? '已停用的成员不能使用学习圈，原有学习记录都保留。' : '党员调离或不再参加学习时停用，学习记录会保留。'}</Text>
        {!isSelf && (
          <Button
            className={`plain-button wide-button${inactive ? '' : ' danger-button'}`}
            disabled={busy}
            onClick={() =>
              void (inactive
                ? act(
                    { title: '恢复成员', content: `确定恢复${m.name}吗？恢复后可以重新使用学习圈。`, action: '恢复' },
                    () => callFunction('reactivateMember', { memberId: m._id }),
                    `已恢复${m.name}`,
                  )
                : act(
                    { title: '停用成员', content: `确定停用${m.name}吗？停用后不能再使用学习圈，学习记录会保留。`, action: '停用' },
                    () => callFunction('deactivateMember', { memberId: m._id }),
                    `已停用${m.name}`,
                  ))
            }
          >
            {inactive ? '恢复这位成员' : '停用这位成员'}
          </Button>
        )}
      </Section>

      <Button
        className='plain-button wide-button'
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.adminAudit, { targetId: m._id, name: m.name }) })}
      >
        查看这位成员的操作记录
      </Button>
      <Button className='plain-button wide-button' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.archive, { memberId: m._id }) })}>
        查看这位成员的学习档案
      </Button>
    </View>
  )
}

/**
 * 待确认: a registration under a name the organisation already has; the admin says who it is — the
 * person of one of those records (it takes this WeChat), another person, or nobody of ours.
 */
function Held({ member: m, act, busy }: { member: MemberSummary; act: Act; busy: boolean }) {
  return (
    <Section title='注册待确认'>
      <Text className='section-note'>{`${m.name}注册时，组织里已有同名的记录：`}</Text>
      {m.sameNameAs.map((s) => (
        <View key={s._id} className='held-match'>
          <Text className='member-facts__line' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.adminMember, { id: s._id, name: m.name }) })}>
            {`${m.name} · ${s.groupName} · ${STATUS_NAMES[s.status]} ›`}
          </Text>
          {(s.status === 'active' || s.status === 'pending') && (
            <Button
              className='plain-button wide-button'
              disabled={busy}
              onClick={() =>
                void act(
                  {
                    title: '是同一个人',
                    content: `确定这次注册就是${s.groupName}的${m.name}本人吗？那条记录会改用这次注册的微信，学习记录都在那条记录上，这条注册删除。`,
                    action: '合并',
                  },
                  () => callFunction('confirmSamePerson', { memberId: m._id, sameAs: s._id }),
                  `已合并：${s.groupName}的${m.name}改用新的微信`,
                )
              }
            >
              {`就是这位同志（${s.groupName}）`}
            </Button>
          )}
        </View>
      ))}
      <Text className='section-note'>是本人（预登记过，或换了微信），就合并到那条记录；是另一位同志，就确认为新成员；不是本组织的党员，就停用。</Text>
      <Button
        className='plain-button wide-button'
        disabled={busy}
        onClick={() =>
          void act(
            { title: '确认为新成员', content: `确定${m.name}是另一位同志吗？确认后即可使用学习圈。`, action: '确认' },
            () => callFunction('reactivateMember', { memberId: m._id }),
            `已确认${m.name}为新成员`,
          )
        }
      >
        是另一位同志，确认为新成员
      </Button>
    </Section>
  )
}

export default function MemberPage() {
  const { params } = useRouter()
  const id = queryValue(params.id)
  const name = queryValue(params.name)
  return (
    <AdminPage>
      {(me) =>
        id && name ? (
          <Detail me={me} id={id} name={name} />
        ) : (
          <View className='card'>
            <Text className='section-note'>没有指定成员，请从成员列表进入。</Text>
          </View>
        )
      }
    </AdminPage>
  )
}
