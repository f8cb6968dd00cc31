import { createContext, createElement, useContext, useEffect, useMemo, useRef, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import type { MemberProfile } from '../../types'
import { callFunction } from '../services/cloud'
import { adoptSavedLargeFont } from '../state/largeFont'
import { ROUTES } from '../utils/routes'
import { focus, useAsync, type Async } from './useAsync'

type ProfileListener = (profile: MemberProfile) => void
const profileListeners = new Set<ProfileListener>()

/** The member's profile changed on the server (updateProfile answered): every page showing it follows. */
export function profileChanged(profile: MemberProfile): void {
  adoptSavedLargeFont(profile.largeFont)
  profileListeners.forEach((listener) => listener(profile))
}

/** Loads the profile: the app run's copy, or a fresh one (pull-down refresh, 重试). */
type LoadMe = (fresh: boolean) => Promise<MemberProfile>

const fetchMe = () => callFunction('getMe', {})

const SharedMe = createContext<LoadMe>(fetchMe)

/**
 * One profile for the app run (app.ts wraps every page in it): the first page asks the server, the
 * pages opened after it use that answer, so moving between tabs costs no call. A failure (not
 * registered yet, a lost network) is not kept, and an update (profileChanged) replaces the copy.
 */
export function MeProvider({ children }: PropsWithChildren) {
  const shared = useRef<Promise<MemberProfile> | undefined>(undefined)
  useEffect(() => {
    const listener: ProfileListener = (profile) => {
      shared.current = Promise.resolve(profile)
    }
    profileListeners.add(listener)
    return () => {
      profileListeners.delete(listener)
    }
  }, [])
  const load = useMemo<LoadMe>(
    () => (fresh) => {
      if (fresh || !shared.current) {
        const answer = fetchMe()
        shared.current = answer
        answer.catch(() => {
          if (shared.current === answer) shared.current = undefined
        })
      }
      return shared.current
    },
    [],
  )
  return createElement(SharedMe.Provider, { value: load }, children)
}

/** Not (yet) a member: never registered, or registered and held for an admin (待确认); pages show NotRegistered. */
export const isNotMember = (me: Async<MemberProfile>) => me.status === 'error' && (me.error.code === 'NOT_REGISTERED' || me.error.code === 'REGISTRATION_HELD')

export const isHeld = (me: Async<MemberProfile>) => me.status === 'error' && me.error.code === 'REGISTRATION_HELD'

/**
 * The calling member (getMe, shared by the pages of an app run). Someone who has not registered yet is taken to 实名注册 as soon as
 * the server says so; coming back, the page shows a prompt to register.
 */
export function useMe(): Async<MemberProfile> {
  const load = useContext(SharedMe)
  // The page's first load takes the app run's copy; its reloads ask the server again.
  const loaded = useRef(false)
  return useProfile(
    useAsync(() => {
      const fresh = loaded.current
      loaded.current = true
      return load(fresh)
    }),
  )
}

/**
 * The profile a page's own call brought (首页's getHome): it becomes the app run's copy, so the pages
 * opened after it ask no getMe, and opening the app costs one call.
 */
export function useProfileFrom<T extends { me: MemberProfile }>(whole: Async<T>): Async<MemberProfile> {
  const me = useProfile(
    focus(
      whole,
      (data) => data.me,
      (data, profile) => ({ ...data, me: profile }),
    ),
  )
  const profile = me.data
  useEffect(() => {
    if (profile) profileChanged(profile)
  }, [profile])
  return me
}

/** A page's profile: following updates (profileChanged), its 大字模式, and 实名注册 for someone not registered. */
function useProfile(me: Async<MemberProfile>): Async<MemberProfile> {
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

  const notRegistered = me.status === 'error' && me.error.code === 'NOT_REGISTERED'
  useEffect(() => {
    if (notRegistered) void Taro.navigateTo({ url: ROUTES.register })
  }, [notRegistered])

  return me
}
