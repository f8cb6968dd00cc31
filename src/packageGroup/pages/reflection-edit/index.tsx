import { useRef, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Reflection, ReflectionTarget } from '../../../../types'
import { REFLECTION_ESSAY_MAX, REFLECTION_ESSAY_MIN } from '../../../../types/constants'
import { charCount } from '../../../../types/text'
import { callFunction } from '../../../services/cloud'
import { useAction } from '../../../hooks/useAction'
import PageRoot from '../../../components/PageRoot'
import { newRequestKey } from '../../../utils/requestKey'
import { queryValue, ROUTES } from '../../../utils/routes'

const KIND_NAMES: Record<ReflectionTarget['kind'], string> = { book: '书评', article: '文章心得', weekly: '本周学习心得', meeting: '会议心得' }

/** 写学习心得: on the book, article, week's list or meeting the page was opened from; the leader reviews it. */
export default function ReflectionEditPage() {
  const { params } = useRouter()
  const target = { kind: queryValue(params.kind) as ReflectionTarget['kind'], id: queryValue(params.id) }
  const title = queryValue(params.title)
  const [body, setBody] = useState('')
  const [sent, setSent] = useState<Reflection | null>(null)
  const submit = useAction()
  const key = useRef(newRequestKey())
  const count = charCount(body.trim())
  const send = () =>
    void submit.run(async () => {
      setSent(await callFunction('submitReflection', { target, body, requestKey: key.current }))
    })
  return (
    <PageRoot>
      <View className='card'>
        <View className='card__title'>{KIND_NAMES[target.kind] ?? '学习心得'}</View>
        <Text className='section-note'>{title}</Text>
        {sent ? (
          <>
            <Text className='message message--ok'>已提交，等组长审阅。通过后计入积分，组长可能把它设为本组精选。</Text>
            <Button className='big-button' onClick={() => void Taro.redirectTo({ url: ROUTES.reflections })}>
              看我的心得
            </Button>
          </>
        ) : (
          <>
            <Textarea
              className='field__input field__textarea'
              value={body}
              maxlength={REFLECTION_ESSAY_MAX + 10}
              autoHeight
              placeholder='读到了什么、想到了什么、准备怎么做：几句真话就好'
              onInput={(e) => setBody(e.detail.value)}
            />
            <Text className='field__hint'>{count < REFLECTION_ESSAY_MIN ? `已写 ${count} 字，至少写 ${REFLECTION_ESSAY_MIN} 字` : `已写 ${count} 字`}</Text>
            {submit.error && <Text className='message message--error'>{submit.error}</Text>}
            <Button
              className={`big-button${count < REFLECTION_ESSAY_MIN || submit.busy ? ' big-button--disabled' : ''}`}
              disabled={count < REFLECTION_ESSAY_MIN || submit.busy}
              onClick={send}
            >
              {submit.busy ? '正在提交…' : '提交给组长'}
            </Button>
          </>
        )}
      </View>
    </PageRoot>
  )
}
