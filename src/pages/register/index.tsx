import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NAME_MAX } from '../../../types/constants'
import { INVITATION_CODE, INVITATION_CODE_PROBLEM, normaliseInvitationCode, realNameProblem } from '../../../types/people'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { profileChanged } from '../../hooks/useMe'
import { getLargeFont } from '../../state/largeFont'
import { ErrorNotice } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import FontSetting from '../../components/FontSetting'
import { ROUTES } from '../../utils/routes'
import './index.scss'

type Field = 'name' | 'code'

export default function Register() {
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  /** The organisation has someone of this name: a branch admin confirms before the app opens. */
  const [held, setHeld] = useState(false)

  async function submit() {
    if (submitting) return
    const found = {
      name: realNameProblem(name) ?? undefined,
      code: INVITATION_CODE.test(normaliseInvitationCode(code)) ? undefined : INVITATION_CODE_PROBLEM,
    }
    setProblems(found)
    setFailure(null)
    if (found.name || found.code) return
    setSubmitting(true)
    try {
      // 'already' (this WeChat user registered before) is as good as a new registration.
      const answer = await callFunction('register', { name: name.trim(), code: normaliseInvitationCode(code) })
      if (answer.status === 'held') {
        setHeld(true)
        return
      }
      let { me } = answer
      // 大字模式 switched on before registering: keep it in the new profile.
      if (getLargeFont() && !me.largeFont) me = await callFunction('updateProfile', { largeFont: true }).catch(() => me)
      profileChanged(me)
      void Taro.showToast({ title: '注册成功', icon: 'success' })
      await Taro.reLaunch({ url: ROUTES.home })
    } catch (error) {
      setFailure(toCloudError(error).message)
    } finally {
      setSubmitting(false)
    }
  }

  if (held) {
    return (
      <PageRoot className='register'>
        <View className='card register__held' ariaRole='alert'>
          <View className='card__title'>注册已提交，等待确认</View>
          <Text className='register__held-text'>
            {`组织里已经有一位「${name.trim()}」。为了不把两个人的学习记录混在一起，需要党支部管理员确认你是另一位同志（或就是这位同志本人）。确认后再打开学习圈即可使用，不用重新注册。`}
          </Text>
        </View>
      </PageRoot>
    )
  }

  return (
    <PageRoot className='register'>
      <View className='banner'>
        <Text className='banner__title'>实名注册</Text>
        <Text className='banner__sub register__intro'>学习圈只为本组织的党员服务。请填写你的真实姓名和党小组长发给你的邀请码。</Text>
      </View>

      <View className='card'>
        <View className='field'>
          <Text className='field__label'>真实姓名</Text>
          <Input
            className={`field__input${problems.name ? ' field__input--error' : ''}`}
            value={name}
            maxlength={NAME_MAX + 10}
            placeholder='请填写身份证上的姓名'
            disabled={submitting}
            onInput={(e) => {
              setName(e.detail.value)
              setProblems((p) => ({ ...p, name: undefined }))
            }}
          />
          {problems.name && <Text className='field__error'>{problems.name}</Text>}
        </View>

        <View className='field'>
          <Text className='field__label'>邀请码</Text>
          <Input
            className={`field__input field__input--code${problems.code ? ' field__input--error' : ''}`}
            value={code}
            maxlength={20}
            placeholder='8 位字母或数字'
            disabled={submitting}
            onInput={(e) => {
              const next = normaliseInvitationCode(e.detail.value)
              setCode(next)
              setProblems((p) => ({ ...p, code: undefined }))
              return next
            }}
          />
          {problems.code && <Text className='field__error'>{problems.code}</Text>}
          <Text className='field__hint'>邀请码不分大小写，没有邀请码请向党小组长索取。</Text>
        </View>

        {failure && <ErrorNotice message={failure} />}

        <Button className={`big-button${submitting ? ' big-button--disabled' : ''}`} disabled={submitting} onClick={submit}>
          {submitting ? '正在注册…' : '注册'}
        </Button>
      </View>

      <FontSetting saveToProfile={false} />
    </PageRoot>
  )
}
