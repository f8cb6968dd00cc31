import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setStorageSync, storage } from '../support/taro-double'
import Me from '../../src/pages/me/index'
import GroupPage from '../../src/pages/group/index'
import Study from '../../src/pages/study/index'
import { LARGE_FONT_KEY } from '../../src/state/largeFont'
import { profile } from '../support/ui-fixtures'
import { libraryPage } from '../support/library-fixtures'
import { callsTo, deferred, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const group = {
  group: { _id: 'group-1-1', name: '第一党小组', archived: false, branchId: 'branch-1', branchName: '机关第一党支部' },
  members: [],
}

/** The 学习 tab with nothing in it. */
const library = {
  getMyWeekly: () => ok({ week: '2025-11-17', current: true, list: null }),
  getContinueReading: () => ok({ items: [] }),
  listLibrary: () => ok(libraryPage([])),
}

const roots = (container: HTMLElement) => Array.from(container.querySelectorAll('.app-root'))
const allLarge = (container: HTMLElement) => roots(container).every((r) => r.classList.contains('app-root--large'))
const noneLarge = (container: HTMLElement) => roots(container).every((r) => !r.classList.contains('app-root--large'))

beforeEach(() => {
  sendMock.mockReset()
  setStorageSync.mockClear()
})

// First in this file: the app has not read its text size yet, as when it starts.
test('the app starts in 大字模式 from the device, before the network answers', async () => {
  storage.set(LARGE_FONT_KEY, true)
  const pending = deferred<unknown>()
  serve({ getMe: () => pending.promise, ...library })
  const { container } = render(<Study />)
  expect(roots(container)).toHaveLength(1)
  expect(allLarge(container)).toBe(true)
  await act(async () => pending.resolve(ok({ ...profile, largeFont: true })))
})

test('switching 大字模式 on enlarges every page at once, saves it to the profile and the device', async () => {
  serve({
    getMe: () => ok({ ...profile, largeFont: false }),
    getGroup: () => ok(group),
    listPrompts: () => ok({ items: [], nextCursor: null }),
    getGroupWeek: () => fail('INTERNAL', '本周情况暂时无法加载'),
    ...library,
    updateProfile: (input: { largeFont: boolean }) => ok({ ...profile, largeFont: input.largeFont }),
  })
  const { container } = render(
    <>
      <Me />
      <GroupPage />
      <Study />
    </>,
  )
  await screen.findByText('第一党小组 · 机关第一党支部')
  // The profile said the member reads normal text: that wins over this device's earlier setting.
  await waitFor(() => expect(noneLarge(container)).toBe(true))
  expect(storage.get(LARGE_FONT_KEY)).toBe(false)
  expect(roots(container)).toHaveLength(3)

  fireEvent.click(screen.getByText('大字模式'))
  expect(allLarge(container)).toBe(true)
  expect(storage.get(LARGE_FONT_KEY)).toBe(true)
  await waitFor(() => expect(callsTo('updateProfile')).toEqual([['updateProfile', { largeFont: true }]]))
  expect(await screen.findByText('已开')).toBeTruthy()
  expect(screen.queryByText('正在保存…')).toBeNull()

  fireEvent.click(screen.getByText('大字模式'))
  await waitFor(() => expect(noneLarge(container)).toBe(true))
  expect(storage.get(LARGE_FONT_KEY)).toBe(false)
  await waitFor(() => expect(callsTo('updateProfile')[1]).toEqual(['updateProfile', { largeFont: false }]))
})

test('when saving fails, the text size goes back and the member is told why', async () => {
  serve({
    getMe: () => ok({ ...profile, largeFont: false }),
    updateProfile: () => fail('INTERNAL', '服务暂时出了点问题，请稍后重试'),
  })
  const { container } = render(<Me />)
  await screen.findByText('第一党小组 · 机关第一党支部')
  fireEvent.click(screen.getByText('大字模式'))
  expect(await screen.findByText('没有保存成功：服务暂时出了点问题，请稍后重试')).toBeTruthy()
  expect(noneLarge(container)).toBe(true)
  expect(storage.get(LARGE_FONT_KEY)).toBe(false)
  expect(screen.getByText('已关')).toBeTruthy()
})

test('the size saved in the profile (set on another phone) applies and is kept on this device', async () => {
  serve({ getMe: () => ok({ ...profile, largeFont: true }) })
  const { container } = render(<Me />)
  await screen.findByText('第一党小组 · 机关第一党支部')
  await waitFor(() => expect(allLarge(container)).toBe(true))
  expect(storage.get(LARGE_FONT_KEY)).toBe(true)
  expect(screen.getByText('已开')).toBeTruthy()
})
