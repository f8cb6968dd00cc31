import { useRef, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ActionOutput, Prompt, PromptLink } from '../../../../types'
import { PROMPT_BODY_MAX, PROMPT_TITLE_MAX } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { ErrorNotice, Loading } from '../../../components/Status'
import PageRoot from '../../../components/PageRoot'
import { chineseDay } from '../../../../types/calendar'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'
import { newRequestKey } from '../../../utils/requestKey'
import { promptLinkOf } from '../../../utils/discussion'
import { checkTexts } from '../../../utils/forms'
import { useAction } from '../../../hooks/useAction'
import DeliveryReport from '../../components/DeliveryReport'
import LinkPicker from './LinkPicker'
import '../../group.scss'

/** A new prompt goes to `groupId` (default: the caller's group), about `link` unless changed. */
interface NewPrompt {
  groupId?: string
  link: PromptLink | null
}

const open = (id: string) => void Taro.redirectTo({ url: withQuery(ROUTES.groupPrompt, { id }) })

/** The words a leader can paste into the group's chat for those the notice did not reach. */
export const promptChatText = (names: string[], title: string) => `${names.join('、')}：小组发布了新的讨论题「${title}」，请打开「学习圈」→「小组」参与讨论。`

/** Published: what became of each member's notice, then on to the discussion. */
function Published({ saved }: { saved: ActionOutput<'savePrompt'> }) {
  return (
    <View className='card'>
      <View className='card__title'>讨论题已发布</View>
      <Text className='muted'>{`「${saved.title}」的讨论提醒：`}</Text>
      <DeliveryReport results={saved.announced ?? []} chatText={(names) => promptChatText(names, saved.title)} perMember />
      <Button className='big-button' onClick={() => open(saved._id)}>
        查看讨论
      </Button>
    </View>
  )
}

function PromptForm({ editing, fresh }: { editing?: Prompt; fresh?: NewPrompt }) {
  const [title, setTitle] = useState(editing?.title ?? '')
  const [body, setBody] = useState(editing?.body ?? '')
  const [closesOn, setClosesOn] = useState<string | null>(editing?.closesOn ?? null)
  const [link, setLink] = useState<PromptLink | null>(editing ? editing.link : (fresh?.link ?? null))
  const action = useAction()
  const [published, setPublished] = useState<ActionOutput<'savePrompt'> | null>(null)
  // Posting again after a lost answer posts nothing more.
  const requestKey = useRef(newRequestKey())

  async function save() {
    const saved = await action.run(
      () => {
        checkTexts([
          ['标题', title, PROMPT_TITLE_MAX],
          ['讨论内容', body, PROMPT_BODY_MAX],
        ])
        return callFunction('savePrompt', {
          ...(editing ? { id: editing._id } : { requestKey: requestKey.current, ...(fresh?.groupId ? { groupId: fresh.groupId } : {}) }),
          title,
          body,
          closesOn,
          link,
        })
      },
      editing ? '已保存' : '已发布',
    )
    if (!saved) return
    if (editing) await Taro.navigateBack()
    else if (saved.announced?.length) setPublished(saved)
    else open(saved._id)
  }

  if (published) return <Published saved={published} />
  return (
    <View className='card'>
      <View className='card__title'>{editing ? '编辑讨论题' : '发布讨论题'}</View>
      <View className='field'>
        <Text className='field__label'>标题</Text>
        <Input
          className='field__input'
          value={title}
          maxlength={PROMPT_TITLE_MAX}
          placeholder={`最多 ${PROMPT_TITLE_MAX} 字`}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>讨论内容</Text>
        <Textarea
          className='field__input prompt-form__body'
          value={body}
          maxlength={PROMPT_BODY_MAX}
          placeholder='写下要大家讨论的问题'
          autoHeight
          onInput={(e) => setBody(e.detail.value)}
        />
      </View>
      <LinkPicker link={link} onChange={setLink} />
      <View className='field'>
        <Text className='field__label'>截止日期（可不填）</Text>
        <Picker mode='date' value={closesOn ?? ''} onChange={(e) => setClosesOn(String(e.detail.value))}>
          <View className='field__input'>{closesOn ? chineseDay(closesOn) : '不设截止日期'}</View>
        </Picker>
        {closesOn && (
          <Text className='field__hint' onClick={() => setClosesOn(null)}>
            清除截止日期
          </Text>
        )}
        <Text className='field__hint'>发布后，本组成员会收到讨论提醒（已订阅的成员）。</Text>
      </View>
      {action.error && <ErrorNotice message={action.error} />}
      <Button className={`big-button${action.busy ? ' big-button--disabled' : ''}`} disabled={action.busy} onClick={() => void save()}>
        {action.busy ? '正在保存…' : editing ? '保存修改' : '发布'}
      </Button>
    </View>
  )
}

function EditExisting({ id }: { id: string }) {
  const prompt = useAsync(() => callFunction('getPrompt', { id }))
  if (prompt.data) return <PromptForm editing={prompt.data} />
  return <View className='card'>{prompt.status === 'error' ? <ErrorNotice message={prompt.error.message} onRetry={prompt.reload} /> : <Loading />}</View>
}

/**
 * 发布 or 编辑 a 讨论题 (the server checks the caller leads the group or administers above it).
 * `?groupId=…&linkKind=…&linkId=…&linkTitle=…` starts a new one about an item (see `newPromptUrl`).
 */
export default function EditPromptPage() {
  const params = useRouter().params
  const id = queryValue(params.id)
  const groupId = queryValue(params.groupId) || undefined
  return <PageRoot>{id ? <EditExisting id={id} /> : <PromptForm fresh={{ groupId, link: promptLinkOf(params) }} />}</PageRoot>
}
