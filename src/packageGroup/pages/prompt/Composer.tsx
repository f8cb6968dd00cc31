import { useEffect, useRef, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { Reply } from '../../../../types'
import { REPLY_MAX } from '../../../../types/constants'
import { charCount } from '../../../../types/text'
import { callFunction } from '../../../services/cloud'
import { ErrorNotice } from '../../../components/Status'
import { newRequestKey } from '../../../utils/requestKey'
import { useAction } from '../../../hooks/useAction'
import { weekMoved } from '../../../hooks/useSharedWeek'

interface Props {
  promptId: string
  /** Answering this reply (one level deep). */
  answering: Reply | null
  /** Editing this reply of the member's own. */
  editing: Reply | null
  onSent: (reply: Reply, edited: boolean) => void
  onCancel: () => void
}

/** 写回复: a new reply, an answer to a reply, or an edit of one's own. */
export default function Composer({ promptId, answering, editing, onSent, onCancel }: Props) {
  const [body, setBody] = useState('')
  const action = useAction()
  const requestKey = useRef(newRequestKey())

  const editingId = editing?._id
  useEffect(() => {
    setBody(editing?.body ?? '')
  }, [editingId]) // eslint-disable-line react-hooks/exhaustive-deps

  async function send() {
    const sent = await action.run(() =>
      editing
        ? callFunction('editReply', { id: editing._id, body })
        : callFunction('postReply', { promptId, body, requestKey: requestKey.current, ...(answering ? { parentId: answering._id } : {}) }),
    )
    if (sent) {
      // A reply to a prompt on the week's list counts as discussing its item.
      if (!editing) weekMoved()
      requestKey.current = newRequestKey()
      setBody('')
      onSent(sent, editing !== null)
    }
  }

  const count = charCount(body.trim())
  const heading = editing ? '修改我的回复' : answering ? `回复 ${answering.authorName}` : '写下你的看法'
  return (
    <View className='card composer'>
      <View className='composer__head'>
        <Text className='composer__title'>{heading}</Text>
        {(editing || answering) && (
          <Text className='composer__cancel' onClick={onCancel}>
            取消
          </Text>
        )}
      </View>
      <Textarea
        className='composer__input'
        value={body}
        maxlength={REPLY_MAX}
        placeholder='最多 2000 字'
        disabled={action.busy}
        autoHeight
        onInput={(e) => {
          setBody(e.detail.value)
          action.clearError()
        }}
      />
      <Text className={`composer__count${count > REPLY_MAX ? ' composer__count--over' : ''}`}>{`${count}/${REPLY_MAX}`}</Text>
      {action.error && <ErrorNotice message={action.error} />}
      <Button className={`big-button${action.busy ? ' big-button--disabled' : ''}`} disabled={action.busy} onClick={() => void send()}>
        {action.busy ? '正在发送…' : editing ? '保存修改' : '发送'}
      </Button>
    </View>
  )
}
