import { fireEvent, render, screen } from '@testing-library/react'
import StudyRulesPage from '../../src/pages/study-rules/index'
import type { StudyRules } from '../../types'
import { rules as inForce } from '../support/reader-fixtures'
import { fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

beforeEach(() => sendMock.mockReset())

const rules = (over: Partial<StudyRules> = {}): StudyRules => ({
  ...inForce,
  sentences: ['学时由服务器按服务器时钟计算，手机上报的时长不作数。', '重复发送或重放的心跳不计入。'],
  ...over,
})

const row = (container: HTMLElement, label: string) =>
  Array.from(container.querySelectorAll('.rule-row'))
    .find((r) => r.querySelector('.rule-row__label')!.textContent === label)!
    .querySelector('.rule-row__value')!.textContent

test('the numbers in force, the server’s explanation and a worked example', async () => {
  serve({ getStudyRules: () => ok(rules()) })
  const { container } = render(<StudyRulesPage />)
  await screen.findByText('规则一览')
  expect(row(container, '上报')).toBe('阅读时每 10 分钟一次，暂停、离开时也报；每次最多计 11 分钟')
  expect(row(container, '暂停计时')).toBe('锁屏、切到后台或 2 分钟未操作')
  expect(row(container, '每篇、每章上限')).toBe('预计时长的 2 倍')
  expect(row(container, '每天上限')).toBe('240 分钟')
  expect(row(container, '读完')).toBe('学满预计时长的 80%，并读到末尾')
  expect(row(container, '每周目标')).toBe('30 分钟')
  expect(screen.getByText('学时由服务器按服务器时钟计算，手机上报的时长不作数。')).toBeTruthy()
  expect(screen.getByText('重复发送或重放的心跳不计入。')).toBeTruthy()
  expect(screen.getByText(/^一章预计 10 分钟：学满 8 分钟并读到末尾.*最多计入 20 分钟.*锁屏或切到后台/)).toBeTruthy()
})

test('other numbers from the server change every line that speaks of them', async () => {
  serve({
    getStudyRules: () =>
      ok(
        rules({
          heartbeatSeconds: 240,
          maxBeatSeconds: 300,
          idleAfterSeconds: 90,
          itemCapMultiple: 1.5,
          dayCapMinutes: 180,
          completionShare: 0.75,
          weeklyTargetMinutes: 45,
        }),
      ),
  })
  const { container } = render(<StudyRulesPage />)
  await screen.findByText('规则一览')
  expect(row(container, '上报')).toBe('阅读时每 4 分钟一次，暂停、离开时也报；每次最多计 5 分钟')
  expect(row(container, '暂停计时')).toBe('锁屏、切到后台或 1 分 30 秒未操作')
  expect(row(container, '每篇、每章上限')).toBe('预计时长的 1.5 倍')
  expect(row(container, '每天上限')).toBe('180 分钟')
  expect(row(container, '读完')).toBe('学满预计时长的 75%，并读到末尾')
  expect(row(container, '每周目标')).toBe('45 分钟')
  expect(screen.getByText(/^一章预计 10 分钟：学满 7.5 分钟并读到末尾.*最多计入 15 分钟/)).toBeTruthy()
})

test('rules that cannot be loaded say why and offer 重试', async () => {
  let failing = true
  serve({ getStudyRules: () => (failing ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(rules())) })
  render(<StudyRulesPage />)
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  failing = false
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('规则一览')).toBeTruthy()
})
