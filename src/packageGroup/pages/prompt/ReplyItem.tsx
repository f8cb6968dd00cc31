import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { Reply } from '../../../../types'
import { HIDE_REASON_MAX } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { ErrorNotice } from '../../../components/Status'
import { beijingMinute } from '../../../../types/calendar'
import { confirm } from '../../../utils/confirm'
import { useAction } from '../../../hooks/useAction'
import { weekMoved } from '../../../hooks/useSharedWeek'

interface Props {
  reply: Reply
  canModerate: boolean
  canReply: boolean
  onChanged: (reply: Reply) => void
  onAnswer: (reply: Reply) => void
  onEdit: (reply: Reply) => void
}

/** One reply with what the member may do to it: like, answer, edit or delete their own; a leader features or hides. */
export default function ReplyItem({ reply, canModerate, canReply, onChanged, onAnswer, onEdit }: Props) {
  const action = useAction()
  const [hiding, setHiding] = useState(false)
  const [reason, setReason] = useState('')
  const visible = reply.status === 'visible'

  const change = async (call: () => Promise<Reply>, done?: string) => {
    const changed = await action.run(call, done)
    if (changed) onChanged(changed)
    return changed
  }

  async function remove() {
    if (!(await confirm('删除回复', '删除后显示为“该回复已删除”，不能恢复。', '删除'))) return
    if (await change(() => callFunction('deleteReply', { id: reply._id }), '已删除')) weekMoved()
  }

  async function hide() {
    if (await change(() => callFunction('hideReply', { id: reply._id, reason }), '已隐藏')) setHiding(false)
  }

  return (
    <View className={`reply${reply.parentId ? ' reply--answer' : ''}${visible ? '' : ' reply--gone'}`}>
      <View className='reply__head'>
        <Text className='reply__author'>{reply.authorName}</Text>
        {reply.featured && <Text className='tag tag--gold'>精选</Text>}
        {reply.mine && <Text className='tag tag--blue'>我</Text>}
      </View>
      <Text className='reply__body'>{reply.body}</Text>
      {reply.status === 'hidden' && reply.hiddenReason && <Text className='reply__reason'>{`隐藏理由：${reply.hiddenReason}`}</Text>}
      <Text className='reply__meta'>{`${beijingMinute(reply.createdAt)}${reply.editedAt ? ' · 已编辑' : ''}`}</Text>
      {visible && (
        <View className='reply__actions'>
          {reply.mine ? (
            <Text className='reply__likes'>{`获赞 ${reply.likeCount}`}</Text>
          ) : (
            <Button
              className={`reply__action${reply.likedByMe ? ' reply__action--on' : ''}`}
              onClick={() => void change(() => callFunction('likeReply', { id: reply._id, liked: !reply.likedByMe }))}
            >
              {`${reply.likedByMe ? '已赞' : '点赞'} ${reply.likeCount}`}
            </Button>
          )}
          {canReply && (
            <Button className='reply__action' onClick={() => onAnswer(reply)}>
              回复
            </Button>
          )}
          {reply.mine && canReply && (
            <Button className='reply__action' onClick={() => onEdit(reply)}>
              修改
            </Button>
          )}
          {reply.mine && (
            <Button className='reply__action' onClick={() => void remove()}>
              删除
            </Button>
          )}
          {canModerate && (
            <Button
              className='reply__action'
              onClick={() =>
                void change(() => callFunction('featureReply', { id: reply._id, featured: !reply.featured }), reply.featured ? '已取消精选' : '已设为精选')
              }
            >
              {reply.featured ? '取消精选' : '精选'}
            </Button>
          )}
          {canModerate && !hiding && (
            <Button className='reply__action' onClick={() => setHiding(true)}>
              隐藏
            </Button>
          )}
        </View>
      )}
      {hiding && (
        <View className='reply__hide'>
          <Input
            className='field__input'
            value={reason}
            maxlength={HIDE_REASON_MAX}
            placeholder='隐藏理由（成员会看到）'
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='button-row'>
            <Button className='plain-button' onClick={() => setHiding(false)}>
              取消
            </Button>
            <Button className='big-button big-button--small' disabled={action.busy} onClick={() => void hide()}>
              确认隐藏
            </Button>
          </View>
        </View>
      )}
      {action.error && <ErrorNotice message={action.error} />}
    </View>
  )
}
