import { fireEvent, render, screen } from '@testing-library/react'
// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import { requestSubscribeMessage, showModal } from '../support/taro-double'
import Index from '../../src/pages/index/index'
import { askToSubscribe as askInBrowser } from '../../src/services/subscribe.h5'
import type { Subscription } from '../../types'
import { homeAnswer, profile, record, summary } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
// The mini-program's way of asking: WeChat's requestSubscribeMessage.
jest.mock('../../src/services/subscribe', () => jest.requireActual('../../src/services/subscribe.weapp'))

const daily = (over: Partial<Subscription> = {}): Subscription => ({
  templateKey: 'dailyStudy',
  templateId: 'tmpl-daily',
  title: '每日学习提醒',
  available: 0,
  ...over,
})

const normal: Handlers = {
  getMe: () => ok(profile),
  getHome: () => ok(homeAnswer({ subscriptions: [daily()] })),
  checkIn: () => ok({ status: 'created', record: record(), streak: 1 }),
  recordSubscription: (input: { accepted: boolean }) => ok(daily({ available: input.accepted ? 1 : 0 })),
}

beforeEach(() => {
  sendMock.mockReset()
  requestSubscribeMessage.mockReset()
  showModal.mockClear()
})

async function checkIn(handlers: Handlers = normal) {
  serve(handlers)
  render(<Index />)
  fireEvent.click(await screen.findByText('打卡'))
  await screen.findByText('今日已打卡')
}

test('after checking in, 明天提醒我学习 asks WeChat and records the grant', async () => {
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-daily': 'accept' })
  await checkIn()
  fireEvent.click(await screen.findByText('明天提醒我学习'))
  expect(await screen.findByText('好的，已开启：每日学习提醒（还可提醒 1 次）')).toBeTruthy()
  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-daily'], entityIds: [] })
  expect(callsTo('recordSubscription')).toEqual([['recordSubscription', { templateKey: 'dailyStudy', accepted: true }]])
})

test('one sheet asks for tomorrow’s study, the week’s list and reminders when behind; each answer is recorded', async () => {
  const templates = [
    daily(),
    daily({ templateKey: 'weeklyList', templateId: 'tmpl-weekly', title: '每周一学发布提醒' }),
    daily({ templateKey: 'studyNudge', templateId: 'tmpl-nudge', title: '学习进度提醒' }),
    daily({ templateKey: 'groupPrompt', templateId: 'tmpl-prompt', title: '小组讨论提醒' }),
  ]
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-daily': 'accept', 'tmpl-weekly': 'accept', 'tmpl-nudge': 'reject' })
  await checkIn({
    ...normal,
    getHome: () => ok(homeAnswer({ subscriptions: templates })),
    recordSubscription: (input: { templateKey: Subscription['templateKey']; accepted: boolean }) =>
      ok({ ...templates.find((t) => t.templateKey === input.templateKey)!, available: input.accepted ? 1 : 0 }),
  })
  fireEvent.click(await screen.findByText('明天提醒我学习'))
  expect(await screen.findByText('好的，已开启：每日学习提醒（还可提醒 1 次）、每周一学发布提醒（还可提醒 1 次）')).toBeTruthy()
  // Up to three in one sheet, as WeChat allows; a discussion's reminder is asked where it belongs.
  expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-daily', 'tmpl-weekly', 'tmpl-nudge'], entityIds: [] })
  expect(callsTo('recordSubscription').map(([, i]) => i)).toEqual([
    { templateKey: 'dailyStudy', accepted: true },
    { templateKey: 'weeklyList', accepted: true },
    { templateKey: 'studyNudge', accepted: false },
  ])
})

test('a member who declines is recorded as declining and told how to turn it on', async () => {
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-daily': 'reject' })
  await checkIn()
  fireEvent.click(await screen.findByText('明天提醒我学习'))
  expect(await screen.findByText('没有开启提醒，需要时可以再点一次')).toBeTruthy()
  expect(callsTo('recordSubscription')).toEqual([['recordSubscription', { templateKey: 'dailyStudy', accepted: false }]])
})

test('not offered when the page opens already checked in', async () => {
  serve({ ...normal, getHome: () => ok(homeAnswer({ checkIn: summary({ todayRecord: record(), streak: 1 }), subscriptions: [daily()] })) })
  render(<Index />)
  await screen.findByText('今日已打卡')
  expect(screen.queryByText('明天提醒我学习')).toBeNull()
})

test('with no template configured on the server, says so and records nothing', async () => {
  await checkIn({ ...normal, getHome: () => ok(homeAnswer({ subscriptions: [daily({ templateId: null })] })) })
  fireEvent.click(await screen.findByText('明天提醒我学习'))
  expect(await screen.findByText('提醒功能尚未开通，请联系管理员')).toBeTruthy()
  expect(requestSubscribeMessage).not.toHaveBeenCalled()
  expect(callsTo('recordSubscription')).toHaveLength(0)
})

test('subscribe messages switched off in the settings: says where to turn them on', async () => {
  requestSubscribeMessage.mockRejectedValue({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
  await checkIn()
  fireEvent.click(await screen.findByText('明天提醒我学习'))
  expect(await screen.findByText('你关闭了小程序的订阅消息，可在右上角「…」→「设置」中打开')).toBeTruthy()
  expect(callsTo('recordSubscription')).toHaveLength(0)
})

test('a grant the server could not record says why', async () => {
  requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-daily': 'accept' })
  await checkIn({ ...normal, recordSubscription: () => fail('INTERNAL', '系统繁忙，请稍后再试') })
  fireEvent.click(await screen.findByText('明天提醒我学习'))
  expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
  expect(screen.queryByText(/会提醒你/)).toBeNull()
})

describe('in the browser (local cloud)', () => {
  test('a dialog that says it stands in for WeChat’s; 允许 is a grant', async () => {
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    expect(await askInBrowser([daily({ templateId: null })])).toEqual([{ templateKey: 'dailyStudy', accepted: true }])
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '订阅消息（本地演示）', confirmText: '允许', cancelText: '拒绝' }))
    expect(showModal.mock.calls[0][0].content).toContain('每日学习提醒')
  })

  test('拒绝 is a refusal', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    expect(await askInBrowser([daily()])).toEqual([{ templateKey: 'dailyStudy', accepted: false }])
  })
})
