import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { pullDownToRefresh, scrollToBottom } from '../support/taro-double'
import OutboxPage from '../../src/packageAdmin/pages/outbox/index'
import { notification, publication } from '../support/admin-content-fixtures'
import { orgAdmin } from '../support/ui-fixtures'
import { callsTo, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const publications = [
  publication({ _id: 'p3', day: '2025-11-20', status: 'submitted', mediaId: 'local-draft-0a1b', publishId: 'pub-1', updatedAt: '2025-11-19T23:31:00.000Z' }),
  publication({ _id: 'p2', day: '2025-11-19', title: '昨天的推送', status: 'failed', error: '40001: invalid credential', attempts: 3 }),
  publication({ _id: 'p1', day: '2025-11-18', title: '前天的推送', status: 'recorded' }),
]
const notifications = [
  notification({ _id: 'n3', memberName: '孙浩然', result: 'sent', channel: 'openapi' }),
  notification({ _id: 'n2', memberName: '陈立新', result: 'noGrant' }),
  notification({ _id: 'n1', memberName: '刘晓燕', result: 'failed', channel: 'openapi', error: '43101: user refuse to accept the msg' }),
]

const handlers: Handlers = {
  getMe: () => ok(orgAdmin),
  listOutbox: (input: { kind: string; cursor?: string }) =>
    ok(
      input.kind === 'publication'
        ? { items: input.cursor ? publications.slice(2) : publications.slice(0, 2), nextCursor: input.cursor ? null : 'c1' }
        : { items: notifications, nextCursor: null },
    ),
}

const outboxInputs = () => callsTo('listOutbox').map(([, input]) => input)
const rows = (container: HTMLElement) => Array.from(container.querySelectorAll('.outbox-row')).map((r) => r.textContent)

beforeEach(() => {
  sendMock.mockReset()
})

test('公众号 editions, newest first, with their status, failure and time; then the next page', async () => {
  serve(handlers)
  const { container } = render(<OutboxPage />)
  await screen.findByText('昨天的推送')
  expect(outboxInputs()).toEqual([{ kind: 'publication' }])
  const [first, second] = rows(container)
  expect(first).toContain('2025年11月20日的推送 · 1 篇文章')
  expect(first).toContain('已提交发布')
  expect(first).toContain('更新于 2025年11月20日 07:31')
  expect(second).toContain('失败，下次推送时重试')
  expect(second).toContain('原因：40001: invalid credential')
  expect(second).toContain('已尝试 3 次')
  // An edition of the local cloud's 公众号 opens to be read; one of the real account has no such link.
  const open = jest.spyOn(window, 'open').mockImplementation(() => null)
  fireEvent.click(screen.getByText('本地公众号：查看这一期 ›'))
  expect(open).toHaveBeenCalledWith('/local/official-account/local-draft-0a1b', '_blank')
  expect(screen.getAllByText('本地公众号：查看这一期 ›')).toHaveLength(1)
  open.mockRestore()

  await act(async () => scrollToBottom())
  expect(await screen.findByText('前天的推送')).toBeTruthy()
  expect(outboxInputs().at(-1)).toEqual({ kind: 'publication', cursor: 'c1' })
  expect(rows(container)[2]).toContain('仅记录（未配置公众号）')
  expect(screen.getByText('已经到底了，共 3 条')).toBeTruthy()
})

test('notification sends: who, what, the result and whether WeChat sent it', async () => {
  serve(handlers)
  const { container } = render(<OutboxPage />)
  await screen.findByText('昨天的推送')
  fireEvent.click(screen.getByText('订阅消息'))
  await screen.findByText('孙浩然')
  expect(outboxInputs().at(-1)).toEqual({ kind: 'notification' })
  const [sent, noGrant, failed] = rows(container)
  expect(sent).toContain('在学思践悟中坚定理想信念 · 今日学习已推送')
  expect(sent).toContain('已发送')
  expect(sent).toContain('2025年11月20日 07:30')
  expect(sent).not.toContain('本地记录')
  expect(noGrant).toContain('未订阅，没有发送')
  expect(noGrant).toContain('本地记录，未经微信发出')
  expect(failed).toContain('发送失败')
  expect(failed).toContain('原因：43101: user refuse to accept the msg')
})

test('pulling down loads the newest again; an empty outbox says so', async () => {
  let empty = false
  serve({ ...handlers, listOutbox: (input) => (empty ? ok({ items: [], nextCursor: null }) : handlers.listOutbox!(input)) })
  render(<OutboxPage />)
  await screen.findByText('昨天的推送')
  empty = true
  await act(async () => pullDownToRefresh())
  expect(await screen.findByText('还没有公众号发布记录')).toBeTruthy()
  fireEvent.click(screen.getByText('订阅消息'))
  expect(await screen.findByText('还没有发送记录')).toBeTruthy()
  await waitFor(() => expect(outboxInputs()).toEqual([{ kind: 'publication' }, { kind: 'publication' }, { kind: 'notification' }]))
})
