import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo } from '../support/taro-double'
import Me from '../../src/pages/me/index'
import { profile } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
})

describe('我的', () => {
  test("shows the member's own profile with role names in Chinese", async () => {
    serve({ getMe: () => ok({ ...profile, roles: ['member', 'leader', 'branchAdmin', 'orgAdmin'] }) })
    render(<Me />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('第一党小组 · 机关第一党支部')).toBeTruthy()
    expect(screen.getAllByText('王建国').length).toBeGreaterThan(0)
    expect(screen.getByText('第一党小组')).toBeTruthy()
    expect(screen.getByText('机关第一党支部')).toBeTruthy()
    expect(screen.getByText('党员、党小组长、支部管理员、组织管理员')).toBeTruthy()
    expect(screen.getByText('未设置')).toBeTruthy()
    expect(screen.getByText('大字模式')).toBeTruthy()
  })

  test('an admin finds 组织管理 there; it opens the admin pages', async () => {
    serve({ getMe: () => ok({ ...profile, roles: ['member', 'branchAdmin'] }) })
    render(<Me />)
    const entry = await screen.findByText('组织管理', { selector: '.big-button' })
    fireEvent.click(entry)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageAdmin/pages/index/index' })
  })

  test('a member who is not an admin sees no 组织管理', async () => {
    serve({ getMe: () => ok(profile) })
    render(<Me />)
    await screen.findByText('第一党小组 · 机关第一党支部')
    expect(screen.queryByText('组织管理')).toBeNull()
  })

  test('editing the display name saves it and shows it; clearing it shows the real name again', async () => {
    serve({
      getMe: () => ok(profile),
      updateProfile: (input: { displayName: string | null }) => ok({ ...profile, displayName: input.displayName }),
    })
    const { container } = render(<Me />)
    fireEvent.click(await screen.findByText('修改'))
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '老王' } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('老王', { selector: '.profile__value' })).toBeTruthy()
    expect(screen.getByText('老王', { selector: '.profile__name' })).toBeTruthy()
    expect(callsTo('updateProfile')).toEqual([['updateProfile', { displayName: '老王' }]])

    fireEvent.click(screen.getByText('修改'))
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '  ' } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('未设置')).toBeTruthy()
    expect(callsTo('updateProfile')[1]).toEqual(['updateProfile', { displayName: null }])
  })

  test('a display name that is too long is explained, and nothing is saved', async () => {
    serve({ getMe: () => ok(profile) })
    const { container } = render(<Me />)
    fireEvent.click(await screen.findByText('修改'))
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '长'.repeat(21) } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('显示名称最多 20 个字')).toBeTruthy()
    expect(callsTo('updateProfile')).toHaveLength(0)
  })

  test('someone not registered is sent to register, and the page offers it', async () => {
    serve({ getMe: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册') })
    render(<Me />)
    expect(await screen.findByText('你还没有注册')).toBeTruthy()
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' }))
    expect(screen.getByText('去实名注册')).toBeTruthy()
  })

  test('shows an error with 重试', async () => {
    let attempts = 0
    serve({
      getMe: () => (++attempts === 1 ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(profile)),
    })
    render(<Me />)
    expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('重试')))
    expect(await screen.findByText('第一党小组 · 机关第一党支部')).toBeTruthy()
  })

  test('a deactivated member is told so', async () => {
    serve({ getMe: () => fail('FORBIDDEN', '你的账号已停用，如有疑问请联系管理员') })
    render(<Me />)
    expect(await screen.findByText('你的账号已停用，如有疑问请联系管理员')).toBeTruthy()
    expect(navigateTo).not.toHaveBeenCalled()
  })
})
