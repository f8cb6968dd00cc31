import { render, screen } from '@testing-library/react'
import Me from '../../src/pages/me/index'
import Study from '../../src/pages/study/index'
import Group from '../../src/pages/group/index'
import { profile } from '../support/ui-fixtures'
import { fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

beforeEach(() => sendMock.mockReset())

describe('我的', () => {
  test("shows the member's own profile with role names in Chinese", async () => {
    serve({ getMe: () => ok({ ...profile, roles: ['member', 'leader', 'branchAdmin', 'orgAdmin'] }) })
    render(<Me />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('王建国')).toBeTruthy()
    expect(screen.getByText('第一党小组')).toBeTruthy()
    expect(screen.getByText('机关第一党支部')).toBeTruthy()
    expect(screen.getByText('党员、党小组长、支部管理员、组织管理员')).toBeTruthy()
    expect(screen.getByText('大字体等阅读设置即将上线。')).toBeTruthy()
  })

  test('says plainly when the member is not registered', async () => {
    serve({ getMe: () => fail('NOT_REGISTERED', '还没有注册') })
    render(<Me />)
    expect(await screen.findByText('你还没有注册')).toBeTruthy()
  })

  test('shows an error with 重试', async () => {
    serve({ getMe: () => fail('INTERNAL', '服务暂时出了点问题，请稍后重试') })
    render(<Me />)
    expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })
})

test('学习 says honestly what is coming, and calls nothing', () => {
  render(<Study />)
  expect(screen.getByText('即将上线')).toBeTruthy()
  for (const item of ['书库', '必读书目', '每周一学', '学习记录']) {
    expect(screen.getByText(new RegExp(`^${item}：`))).toBeTruthy()
  }
  expect(sendMock).not.toHaveBeenCalled()
})

test('小组 says honestly what is coming, and calls nothing', () => {
  render(<Group />)
  expect(screen.getByText('即将上线')).toBeTruthy()
  for (const item of ['小组成员', '讨论题', '学习进度']) {
    expect(screen.getByText(new RegExp(`^${item}：`))).toBeTruthy()
  }
  expect(sendMock).not.toHaveBeenCalled()
})
