import type { CloudDatabase } from '../../server/db/types'
import type { Member } from '../../server/members'
import { reviewReflection, submitReflection } from '../../server/reflections/reflections'
import type { ContentChecker } from '../../server/security/content-check'

/** 第一党小组's 学习心得: one its leader approved and featured, one waiting for review, one returned. */
const WRITTEN: { by: string; article: string; body: string; review?: { decision: 'approve' | 'return'; featured?: boolean; comment?: string } }[] = [
  {
    by: 'member-04',
    article: 'article-2',
    body: '读了《读原著要“慢”下来》，很受触动。以前读理论文章总想一口气读完，结果只记住了几个标题。这周我试着一段一段地读，每读完一段就停下来，用自己的话说一遍它讲了什么、为什么这样讲。速度慢了，心里却踏实了，带着问题去参加小组学习会，讨论也更有话说。',
    review: { decision: 'approve', featured: true, comment: '写得实在，有做法有体会' },
  },
  {
    by: 'member-07',
    article: 'article-3',
    body: '《把群众的小事当成大事来办》让我想起上个月窗口接待的一位老人：他来问社保转移，我听了一半就给了答案，结果他又跑了一趟。以后我要先把话听完，把诉求复述一遍确认清楚，办到哪一步都给个回音。',
  },
  {
    by: 'member-08',
    article: 'article-1',
    body: '每天二十分钟，把学习变成习惯。这篇文章写得很好，很有启发，我要认真学习，坚持每天学习，争取更大进步。',
    review: { decision: 'return', comment: '再结合一件自己的事写写，说说准备怎么做' },
  },
]

export async function seedReflections(db: CloudDatabase, contentCheck: ContentChecker, members: Member[], now: Date): Promise<number> {
  const byId = new Map(members.map((m) => [m._id, m]))
  const leader = byId.get('member-01')!
  for (const [i, w] of WRITTEN.entries()) {
    const at = new Date(now.getTime() - (3 - i) * 86_400_000)
    const written = await submitReflection({ db, contentCheck, now: at }, byId.get(w.by)!, {
      target: { kind: 'article', id: w.article },
      body: w.body,
      requestKey: `seed-reflection-${i + 1}`,
    })
    if (w.review) await reviewReflection({ db, contentCheck, now: new Date(at.getTime() + 3600_000) }, leader, { id: written._id, ...w.review })
  }
  return WRITTEN.length
}
