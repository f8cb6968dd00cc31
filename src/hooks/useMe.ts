import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import type { MemberProfile } from '../../types'
import { callFunction } from '../services/cloud'
import { adoptSavedLargeFont } from '../state/largeFont'
import { ROUTES } from '../utils/routes'
import { useAsync, type Async } from './useAsync'

type ProfileListener = (profile: MemberProfile) => void
const profileListeners = new Set<ProfileListener>()

/** The member's profile changed on the server (updateProfile answered): every page showing it follows. */
export function profileChanged(profile: MemberProfile): void {
  adoptSavedLargeFont(profile.largeFont)
  profileListeners.forEach((listener) => listener(profile))
}

export const isNotRegistered = (me: Async<MemberProfile>) =>
  me.status === 'error' && me.error.code === 'NOT_REGISTERED'

/**
 * The calling member (getMe). Someone who has not registered yet is taken to 实名注册 as soon as
 * the server says so; coming back, the page shows a prompt to register.
 */
export function useMe(): Async<MemberProfile> {
  const me = useAsync(() => callFunction('getMe', {}))
  const { update } = me

  useEffect(() => {
    const listener: ProfileListener = (profile) => update(() => profile)
    profileListeners.add(listener)
    return () => {
      profileListeners.delete(listener)
    }
  }, [update])

  const largeFont = me.data?.largeFont
  useEffect(() => {
    if (largeFont !== undefined) adoptSavedLargeFont(largeFont)
  }, [largeFont])

  const notRegistered = isNotRegistered(me)
  useEffect(() => {
    if (notRegistered) void Taro.navigateTo({ url: ROUTES.register })
  }, [notRegistered])

  return me
}
