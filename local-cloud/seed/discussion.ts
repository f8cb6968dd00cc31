import { addDays, dayKey } from '../../types/calendar'
import { rankOf, type PromptDoc, type ReplyDoc } from '../../server/discussion/docs'

/** Demo 小组讨论 in 第一党小组 (led by 陈立新, member-01): one open prompt with replies, one closed. */
interface SeedReply {
  key: string
  author: [string, string]
  body: string
  /** Answers this reply (its key). */
  answers?: string
  hoursAgo: number
  /** Featured by the leader an hour after it was posted. */
  featured?: boolean
}

interface SeedPrompt {
  key: string
  title: string
  body: string
  hoursAgo: number
  pinned: boolean
  /** Days from today to the closing day; negative: closed already. */
  closesInDays: number | null
  replies: SeedReply[]
}

const LEADER: [string, string] = ['member-01', '陈立新']

const prompts: SeedPrompt[] = [
  {
    key: 'demo0001',
    title: '结合本职工作，谈谈本周学习体会',
    body: '本周我们学习了《读懂理论的方法》第一章。请大家结合自己的工作，谈一点学习体会：哪一句话对你触动最大？打算怎样用到工作中？',
    hoursAgo: 30,
    pinned: true,
    closesInDays: 5,
    replies: [
      {
        key: 'demo0101',
        author: ['member-02', '刘晓燕'],
        body: '“从实际出发”这句话触动最大。我们做窗口服务，先把群众反映最多的三个问题理清楚，再谈改进。',
        hoursAgo: 26,
        featured: true,
      },
      { key: 'demo0102', author: ['member-05', '孙浩然'], body: '同意，我们科室准备每周五花半小时一起过一遍问题清单。', answers: 'demo0101', hoursAgo: 20 },
      { key: 'demo0103', author: ['member-06', '周慧玲'], body: '理论学习要常学常新，我打算每天早上先读十分钟再开始工作。', hoursAgo: 8 },
    ],
  },
  {
    key: 'demo0002',
    title: '上月主题党日活动的收获',
    body: '上月的主题党日参观了革命纪念馆，请大家说说最大的收获。',
    hoursAgo: 24 * 12,
    pinned: false,
    closesInDays: -3,
    replies: [{ key: 'demo0201', author: ['member-04', '赵雅琴'], body: '看到先辈们的家书，很受教育，更要珍惜今天的工作岗位。', hoursAgo: 24 * 11 }],
  },
]

const ago = (now: Date, hours: number) => new Date(now.getTime() - hours * 3600_000)
const idOf = (prefix: string, at: Date, key: string) => `${prefix}-${at.toISOString()}-${key}`

/** The demo prompts and replies, around the seed's clock; ids are fixed per seed, like every seeded document. */
export function discussionDocs(now: Date): { prompts: PromptDoc[]; replies: ReplyDoc[] } {
  const promptDocs: PromptDoc[] = []
  const replyDocs: ReplyDoc[] = []
  for (const p of prompts) {
    const createdAt = ago(now, p.hoursAgo)
    const _id = idOf('prompt', createdAt, p.key)
    const ids = new Map(p.replies.map((r) => [r.key, idOf('reply', ago(now, r.hoursAgo), r.key)]))
    for (const r of p.replies) {
      const replyId = ids.get(r.key)!
      const parentId = r.answers ? ids.get(r.answers)! : null
      const postedAt = ago(now, r.hoursAgo)
      replyDocs.push({
        _id: replyId,
        promptId: _id,
        groupId: 'group-1-1',
        branchId: 'branch-1',
        parentId,
        authorId: r.author[0],
        authorName: r.author[1],
        body: r.body,
        status: 'visible',
        hiddenReason: null,
        featured: r.featured ?? false,
        rank: rankOf((r.featured ?? false) && parentId === null, replyId),
        createdAt: postedAt,
        editedAt: null,
        deletedAt: null,
        // Scored by the seed as the functions score a post and a featuring (scoreReply).
        ...(r.featured ? { featuredAt: ago(now, r.hoursAgo - 1) } : {}),
      })
    }
    promptDocs.push({
      _id,
      groupId: 'group-1-1',
      branchId: 'branch-1',
      title: p.title,
      body: p.body,
      link: null,
      closesOn: p.closesInDays === null ? null : addDays(dayKey(now), p.closesInDays),
      pinned: p.pinned,
      status: 'open',
      rank: rankOf(p.pinned, _id),
      authorId: LEADER[0],
      authorName: LEADER[1],
      createdAt,
      editedAt: null,
    })
  }
  return { prompts: promptDocs, replies: replyDocs }
}
