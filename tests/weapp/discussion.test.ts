/**
 * @jest-environment jsdom
 *
 * The BUILT prompt thread of the 小组讨论 subpackage (dist/weapp, from `npm run build:weapp`) in
 * miniprogram-simulate: opened from a notification with the prompt's id, it shows the prompt, who
 * took part and the replies with their answers.
 */
import { promptDetail, replyOf, threadOf } from '../support/discussion-fixtures'
import { profile } from '../support/ui-fixtures'
import { answerFrom, eventually, installHost, requireBuiltWeapp, text } from '../support/weapp-host'

requireBuiltWeapp()

const answers: Record<string, unknown> = {
  getMe: profile,
  getThread: {
    prompt: promptDetail({ _id: 'prompt-1', canModerate: true }),
    replies: {
      items: [threadOf(replyOf({ featured: true }), [replyOf({ _id: 'r-2', parentId: 'r-1', authorName: '王建国', body: '同意，联系实际。' })])],
      nextCursor: null,
    },
    subscriptions: [],
  },
}

const host = installHost(answerFrom(answers))

test('the thread opens by its id from the subpackage and shows the prompt, participation and nested replies', async () => {
  const page = host.open('packageGroup/pages/prompt/index', { id: 'prompt-1' })

  await eventually(() => expect(text(page)).toContain('同意，联系实际。'))
  for (const shown of [
    '学习全会精神的体会',
    '1/2 人已参与',
    '还没参与：刘晓燕',
    '要把学习成果转化为工作动力。',
    '精选',
    '取消精选',
    '置顶',
    '结束讨论',
    '写下你的看法',
  ]) {
    expect(text(page)).toContain(shown)
  }
  expect(host.calls.filter((c) => c.name !== 'getMe').map((c) => [c.name, c.data])).toEqual([['getThread', { id: 'prompt-1' }]])
})
