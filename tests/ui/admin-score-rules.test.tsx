import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ScoreRulesAdminPage from '../../src/packageAdmin/pages/score-rules/index'
import { DEFAULT_RULES, describeScoreRules } from '../../server/scoring/rules'
import type { Role, ScoreRules } from '../../types'
import { field, typeInto } from '../support/admin-content-fixtures'
import { orgAdmin } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'
import { fixClock } from '../support/fixed-clock'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

/** Saturday 2026-11-21, 01:00 in Beijing (still Friday in UTC): tomorrow is Sunday the 22nd. */
const NOW = new Date('2026-11-20T17:00:00Z')

beforeEach(() => {
  sendMock.mockReset()
  fixClock(NOW)
})
afterEach(() => jest.useRealTimers())

const rulesAnswer = (upcoming: ScoreRules | null = null) => ok({ current: DEFAULT_RULES, upcoming, sentences: describeScoreRules(DEFAULT_RULES) })
const admin = (over: Handlers = {}): Handlers => ({
  getMe: () => ok(orgAdmin),
  getScoreRules: () => rulesAnswer(),
  saveScoreRules: (input) => ok(input),
  ...over,
})
const saved = () => callsTo('saveScoreRules').map(([, input]) => input as ScoreRules)
const save = () => act(async () => fireEvent.click(screen.getByText('保存新规则')))

test('an org admin changes a number; the rules in force are the starting point and the new version starts tomorrow', async () => {
  serve(admin())
  const { container } = render(<ScoreRulesAdminPage />)
  expect(await screen.findByText('2026年11月22日')).toBeTruthy()
  expect((await field(container, '得分')).value).toBe(String(DEFAULT_RULES.kinds.checkin.points))
  await typeInto(container, '得分', '3')
  await typeInto(container, '积分（分）', '120')
  await save()
  expect(await screen.findByText('已保存，新规则自2026年11月22日起生效，之前的记录仍按原规则计分')).toBeTruthy()
  const stars = DEFAULT_RULES.stars.map((t, i) => (i === 0 ? { ...t, points: 120 } : t))
  expect(saved()).toEqual([
    { ...DEFAULT_RULES, kinds: { ...DEFAULT_RULES.kinds, checkin: { ...DEFAULT_RULES.kinds.checkin, points: 3 } }, stars, effectiveFrom: '2026-11-22' },
  ])
})

test('a version already announced is what the form holds, on its own date', async () => {
  const upcoming = { ...DEFAULT_RULES, weeklyTargetPoints: 40, effectiveFrom: '2027-01-01' }
  serve(admin({ getScoreRules: () => rulesAnswer(upcoming) }))
  const { container } = render(<ScoreRulesAdminPage />)
  expect(await screen.findByText('2027年1月1日')).toBeTruthy()
  expect((await field(container, '每周目标（分）')).value).toBe('40')
  await save()
  await waitFor(() => expect(saved()).toEqual([upcoming]))
})

test('a blank number, a day before tomorrow and thresholds going down are refused on the page; the server’s refusal is shown too', async () => {
  serve(admin({ saveScoreRules: () => fail('INVALID_INPUT', '新规则最早从明天（2026-11-22）起生效，已计分的日子不能改规则') }))
  const { container } = render(<ScoreRulesAdminPage />)
  await screen.findByText('2026年11月22日')

  await typeInto(container, '每天最多（分）', '')
  await save()
  expect(await screen.findByText('每日学习打卡的每天最多（分）：请填写 0 或更大的整数')).toBeTruthy()
  await typeInto(container, '每天最多（分）', String(DEFAULT_RULES.kinds.checkin.dailyCap))

  await typeInto(container, '学时（小时）', '1', 1)
  await save()
  expect(await screen.findByText('每一档星级门槛都不能低于前一档')).toBeTruthy()
  await typeInto(container, '学时（小时）', String(DEFAULT_RULES.stars[1].hours), 1)

  act(() => {
    container.querySelector('taro-picker-core')!.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-21' } }))
  })
  await save()
  expect(await screen.findByText('生效日期最早为明天（2026年11月22日）')).toBeTruthy()
  expect(saved()).toEqual([])

  act(() => {
    container.querySelector('taro-picker-core')!.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-22' } }))
  })
  await save()
  expect(await screen.findByText('新规则最早从明天（2026-11-22）起生效，已计分的日子不能改规则')).toBeTruthy()
  expect(saved()).toHaveLength(1)
})

test('a branch admin is told only the org admins adjust the rules, and nothing is loaded', async () => {
  serve(admin({ getMe: () => ok({ ...orgAdmin, roles: ['member', 'branchAdmin'] as Role[] }) }))
  render(<ScoreRulesAdminPage />)
  expect(await screen.findByText('积分规则由组织管理员调整。如有建议，请联系组织管理员。')).toBeTruthy()
  expect(callsTo('getScoreRules')).toEqual([])
})
