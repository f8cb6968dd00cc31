import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { reLaunch } from '../support/taro-double'
import Register from '../../src/pages/register/index'
import { profile } from '../support/ui-fixtures'
import { callsTo, deferred, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

beforeEach(() => {
  sendMock.mockReset()
  reLaunch.mockClear()
})

const newMember = { ...profile, roles: ['member' as const] }

/** Taro's inputs render their real <input> a moment after mounting. */
async function inputs(container: HTMLElement) {
  await waitFor(() => expect(container.querySelectorAll('input')).toHaveLength(2))
  const [name, code] = Array.from(container.querySelectorAll('input'))
  return { name, code }
}

async function fill(container: HTMLElement, name: string, code: string) {
  const fields = await inputs(container)
  fireEvent.input(fields.name, { target: { value: name } })
  fireEvent.input(fields.code, { target: { value: code } })
}

const submit = () => fireEvent.click(screen.getByText('注册'))

test('asks for the real name and the invitation code', async () => {
  const { container } = render(<Register />)
  expect(screen.getAllByText('实名注册').length).toBeGreaterThan(0)
  expect(screen.getByText('真实姓名')).toBeTruthy()
  expect(screen.getByText('邀请码')).toBeTruthy()
  await inputs(container)
  expect(sendMock).not.toHaveBeenCalled()
})

test('an empty name is refused before anything is sent', async () => {
  const { container } = render(<Register />)
  await fill(container, '   ', 'XXQGA888')
  submit()
  expect(await screen.findByText('姓名不能为空')).toBeTruthy()
  expect(sendMock).not.toHaveBeenCalled()
})

test('a name over 20 characters and a malformed code are explained', async () => {
  const { container } = render(<Register />)
  await fill(container, '王'.repeat(21), 'ABC')
  submit()
  expect(await screen.findByText('姓名最多 20 个字')).toBeTruthy()
  expect(screen.getByText('邀请码应为 8 位字母或数字，请核对后重新输入')).toBeTruthy()
  expect(sendMock).not.toHaveBeenCalled()
})

test('the code is turned to upper case without spaces as it is typed', async () => {
  const { container } = render(<Register />)
  fireEvent.input((await inputs(container)).code, { target: { value: 'xxq ga888' } })
  const { code } = await inputs(container)
  await waitFor(() => expect(code.value).toBe('XXQGA888'))
})

test.each([
  ['CONFLICT', '这个邀请码已过期，请向管理员索取新的邀请码'],
  ['CONFLICT', '这个邀请码的使用次数已满，请向管理员索取新的邀请码'],
  ['NOT_FOUND', '邀请码不存在，请核对后重新输入'],
  ['CONFLICT', '「第二党小组」已归档，不能再加入成员'],
])('the server refusing (%s) shows its message: %s', async (code, message) => {
  serve({ register: () => fail(code, message) })
  const { container } = render(<Register />)
  await fill(container, '李新民', 'XXQEXPRD')
  submit()
  expect(await screen.findByText(message)).toBeTruthy()
  expect(callsTo('register')).toEqual([['register', { name: '李新民', code: 'XXQEXPRD' }]])
  expect(reLaunch).not.toHaveBeenCalled()
  // The form stays filled in for another try.
  expect((await inputs(container)).name.value).toBe('李新民')
  expect(screen.getByText('注册')).toBeTruthy()
})

test('registering: 正在注册… while sending, then the home page', async () => {
  const answer = deferred<unknown>()
  serve({ register: () => answer.promise })
  const { container } = render(<Register />)
  await fill(container, ' 李新民 ', 'xxqga888')
  submit()
  expect(await screen.findByText('正在注册…')).toBeTruthy()
  expect(callsTo('register')).toEqual([['register', { name: '李新民', code: 'XXQGA888' }]])

  await act(async () => answer.resolve(ok({ status: 'created', me: { ...newMember, name: '李新民' } })))
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
})

test('a name the organisation already has: told the registration waits for an admin, not let in', async () => {
  serve({ register: () => ok({ status: 'held', me: { ...newMember, name: '李党员' } }) })
  const { container } = render(<Register />)
  await fill(container, '李党员', 'XXQGA888')
  submit()
  expect(await screen.findByText('注册已提交，等待确认')).toBeTruthy()
  expect(screen.getByText(/组织里已经有一位「李党员」/)).toBeTruthy()
  expect(reLaunch).not.toHaveBeenCalled()
})

test('someone who registered before is simply let in', async () => {
  serve({ register: () => ok({ status: 'already', me: profile }) })
  const { container } = render(<Register />)
  await fill(container, '王建国', 'XXQGA888')
  submit()
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
  expect(screen.queryByText(/已经注册/)).toBeNull()
})

test('大字模式 switched on before registering is kept in the new profile', async () => {
  serve({
    register: () => ok({ status: 'created', me: { ...newMember, name: '李新民', largeFont: false } }),
    updateProfile: (input: { largeFont: boolean }) => ok({ ...newMember, name: '李新民', largeFont: input.largeFont }),
  })
  const { container } = render(<Register />)
  fireEvent.click(screen.getByText('大字模式'))
  expect(container.querySelector('.app-root')!.classList.contains('app-root--large')).toBe(true)
  // Not registered yet: nothing to save to.
  expect(sendMock).not.toHaveBeenCalled()

  await fill(container, '李新民', 'XXQGA888')
  submit()
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
  expect(callsTo('updateProfile')).toEqual([['updateProfile', { largeFont: true }]])
  expect(container.querySelector('.app-root')!.classList.contains('app-root--large')).toBe(true)
})
