import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Prompt, PromptLink, PromptStatus, Reply, ReplyThread } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { focus, useAsync } from '../../../hooks/useAsync'
import { isHeld, isNotMember, useMe } from '../../../hooks/useMe'
import { usePagedList, type Page } from '../../../hooks/usePagedList'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import { ErrorNotice, Loading } from '../../../components/Status'
import PageRoot from '../../../components/PageRoot'
import NotRegistered from '../../../components/NotRegistered'
import ListFooter from '../../../components/ListFooter'
import { STATUS_TEXT } from '../../../components/PromptCard'
import { beijingMinute, monthDay } from '../../../../types/calendar'
import { confirm } from '../../../utils/confirm'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'
import { useAction } from '../../../hooks/useAction'
import RemindMe from '../../../components/RemindMe'
import Composer from './Composer'
import ReplyItem from './ReplyItem'
import '../../group.scss'

/** The list with a reply just posted: an answer under its reply, else after the featured ones (newest first). */
function added(threads: ReplyThread[], reply: Reply): ReplyThread[] {
  if (reply.parentId) return threads.map((t) => (t._id === reply.parentId ? { ...t, children: [...t.children, reply] } : t))
  const featured = threads.filter((t) => t.featured).length
  return [...threads.slice(0, featured), { ...reply, children: [] }, ...threads.slice(featured)]
}

/** The prompt's counts after the caller's reply: one more reply, and the author no longer among 未发言. */
function afterReply(prompt: Prompt, reply: Reply): Prompt {
  const first = prompt.notYet.some((p) => p._id === reply.authorId)
  return {
    ...prompt,
    replyCount: prompt.replyCount + 1,
    participantCount: prompt.participantCount + (first ? 1 : 0),
    notYet: prompt.notYet.filter((p) => p._id !== reply.authorId),
  }
}

/** The list with one reply replaced, wherever it sits. */
function replaced(threads: ReplyThread[], reply: Reply): ReplyThread[] {
  return threads.map((t) =>
    t._id === reply._id ? { ...reply, children: t.children } : { ...t, children: t.children.map((c) => (c._id === reply._id ? reply : c)) },
  )
}

function LeaderTools({ prompt, onChanged }: { prompt: Prompt; onChanged: (p: Prompt) => void }) {
  const action = useAction()
  const set = async (change: { pinned?: boolean; status?: PromptStatus }, done: string) => {
    const changed = await action.run(() => callFunction('setPromptState', { id: prompt._id, ...change }), done)
    if (changed) onChanged(changed)
  }
  async function archive() {
    if (await confirm('归档讨论题', '归档后不再出现在小组讨论列表中，记录保留。', '归档')) await set({ status: 'archived' }, '已归档')
  }
  return (
    <View className='leader-tools'>
      <Button className='reply__action' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.groupPromptEdit, { id: prompt._id }) })}>
        编辑
      </Button>
      <Button className='reply__action' onClick={() => void set({ pinned: !prompt.pinned }, prompt.pinned ? '已取消置顶' : '已置顶')}>
        {prompt.pinned ? '取消置顶' : '置顶'}
      </Button>
      {prompt.status !== 'archived' && (
        <Button
          className='reply__action'
          onClick={() => void set({ status: prompt.status === 'open' ? 'closed' : 'open' }, prompt.status === 'open' ? '已结束讨论' : '已重新开放')}
        >
          {prompt.status === 'open' ? '结束讨论' : '重新开放'}
        </Button>
      )}
      {prompt.status !== 'archived' && (
        <Button className='reply__action' onClick={() => void archive()}>
          归档
        </Button>
      )}
      {action.error && <ErrorNotice message={action.error} />}
    </View>
  )
}

/** What the prompt is about: an article or chapter opens in the reader, a weekly-list item on 每周一学. */
function PromptLinkLine({ link }: { link: PromptLink }) {
  const url = link.kind === 'weekly' ? ROUTES.weekly : withQuery(ROUTES.reader, { kind: link.kind, id: link.id })
  return (
    <Text className='prompt__link' onClick={() => void Taro.navigateTo({ url })}>
      {`关联学习：${link.title} ›`}
    </Text>
  )
}

function PromptHead({ prompt, onChanged }: { prompt: Prompt; onChanged: (p: Prompt) => void }) {
  const [showAll, setShowAll] = useState(false)
  const names = prompt.notYet.map((p) => p.name)
  return (
    <View className='card'>
      <View className='prompt__tags'>
        {prompt.pinned && <Text className='tag tag--red'>置顶</Text>}
        <Text className={`tag ${prompt.status === 'open' ? 'tag--green' : 'tag--gold'}`}>{STATUS_TEXT[prompt.status]}</Text>
      </View>
      <Text className='prompt__title'>{prompt.title}</Text>
      <Text className='prompt__meta'>
        {`${prompt.authorName} · ${beijingMinute(prompt.createdAt)}${prompt.editedAt ? ' · 已编辑' : ''}${prompt.closesOn ? ` · ${monthDay(prompt.closesOn)}截止` : ''}`}
      </Text>
      {prompt.link && <PromptLinkLine link={prompt.link} />}
      <Text className='prompt__body'>{prompt.body}</Text>
      <View className='prompt__took'>
        <Text className='prompt__took-count'>{`${prompt.participantCount}/${prompt.memberCount} 人已参与`}</Text>
        {names.length > 0 && (
          <Text className='prompt__not-yet' onClick={() => setShowAll(true)}>
            {`还没参与：${showAll || names.length <= 8 ? names.join('、') : `${names.slice(0, 8).join('、')} 等 ${names.length} 人（点击查看全部）`}`}
          </Text>
        )}
      </View>
      {prompt.canModerate && <LeaderTools prompt={prompt} onChanged={onChanged} />}
    </View>
  )
}

/** The page in one call (getThread): the prompt, then its replies from the first page it brought. */
function Thread({ id }: { id: string }) {
  const thread = useAsync(() => callFunction('getThread', { id }))
  const prompt = focus(
    thread,
    (t) => t.prompt,
    (t, p) => ({ ...t, prompt: p }),
  )
  // Back from editing the prompt.
  useRefreshOnReturn(thread.reload)

  if (!prompt.data || !thread.data) {
    return (
      <View className='card'>
        {prompt.status === 'error' ? <ErrorNotice message={prompt.error.message} onRetry={prompt.reload} /> : <Loading text='正在加载讨论题…' />}
      </View>
    )
  }
  return (
    <>
      <ThreadView prompt={prompt.data} firstPage={thread.data.replies} onPrompt={(change) => prompt.update(change)} />
      <View className='card'>
        <RemindMe subscriptions={thread.data.subscriptions} kinds={['groupPrompt']} label='小组有新讨论题时提醒我' />
      </View>
    </>
  )
}

function ThreadView({ prompt: p, firstPage, onPrompt }: { prompt: Prompt; firstPage: Page<ReplyThread>; onPrompt: (change: (p: Prompt) => Prompt) => void }) {
  const replies = usePagedList((cursor) => callFunction('listReplies', { promptId: p._id, ...(cursor ? { cursor } : {}) }), p._id, firstPage)
  const [answering, setAnswering] = useState<Reply | null>(null)
  const [editing, setEditing] = useState<Reply | null>(null)
  const props = { canModerate: p.canModerate, canReply: p.canReply, onAnswer: setAnswering, onEdit: setEditing }
  const changed = (r: Reply) => replies.update((items) => replaced(items, r))

  return (
    <View>
      <PromptHead prompt={p} onChanged={(next) => onPrompt(() => next)} />
      {p.canReply ? (
        <Composer
          promptId={p._id}
          answering={answering}
          editing={editing}
          onCancel={() => {
            setAnswering(null)
            setEditing(null)
          }}
          onSent={(r, edited) => {
            setAnswering(null)
            setEditing(null)
            if (edited) changed(r)
            else {
              replies.update((items) => added(items, r))
              onPrompt((current) => afterReply(current, r))
            }
          }}
        />
      ) : (
        <View className='card'>
          <Text className='muted'>{p.status === 'archived' ? '这个讨论题已归档，不能再回复' : '这个讨论题已结束，不能再回复'}</Text>
        </View>
      )}
      <View className='card'>
        <View className='card__title'>{`回复 ${p.replyCount}`}</View>
        {replies.items.map((t) => (
          <View key={t._id} className='thread'>
            <ReplyItem reply={t} onChanged={changed} {...props} />
            {t.children.map((c) => (
              <ReplyItem key={c._id} reply={c} onChanged={changed} {...props} />
            ))}
          </View>
        ))}
        <ListFooter list={replies} empty='还没有回复，来说说你的看法吧' />
      </View>
    </View>
  )
}

export default function PromptPage() {
  const me = useMe()
  const id = queryValue(useRouter().params.id)
  if (isNotMember(me)) {
    return (
      <PageRoot>
        <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
      </PageRoot>
    )
  }
  return <PageRoot>{id ? <Thread id={id} /> : <ErrorNotice message='没有找到这个讨论题' />}</PageRoot>
}
