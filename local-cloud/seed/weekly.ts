import { weekKey } from '../../types/calendar'
import type { ArticleDoc, ChapterDoc } from '../../server/content/docs'
import type { CloudDatabase } from '../../server/db/types'
import type { Member } from '../../server/members'
import { outboxMessenger } from '../../server/notify/messenger'
import type { ContentChecker } from '../../server/security/content-check'
import { saveWeeklyList, scheduleWeeklyList } from '../../server/weekly/compose'
import { WEEKLY_LISTS } from '../../server/weekly/docs'

/**
 * This week's 每周一学, composed and 定稿 by the organisation's admin as the admin pages do: the
 * latest pushed article and the required book's first two chapters (必学), a later chapter (选学).
 * Seeded after Monday 08:00 it goes out at once; before, the Monday timer sends it.
 */
export async function seedWeeklyList(
  db: CloudDatabase,
  checker: ContentChecker,
  admin: Member,
  content: { articles: ArticleDoc[]; chapters: ChapterDoc[] },
  now: Date,
): Promise<void> {
  const week = weekKey(now)
  // An interrupted seed that got this far already made this week's list.
  const { total } = await db.collection(WEEKLY_LISTS).where({ week }).count()
  if (total > 0) return
  const latest = content.articles.filter((a) => a.publishedOn).sort((a, b) => b.publishedOn!.localeCompare(a.publishedOn!))[0]
  const chapters = content.chapters.filter((c) => c.bookId === 'book-method')
  const list = await saveWeeklyList(db, checker, admin, now, {
    week,
    intro: '本周围绕“学用结合”安排学习：先读一篇推送文章，再读《读懂理论的方法》前两章，读完在小组讨论里谈谈体会。',
    targetMinutes: 30,
    branchIds: [],
    items: [
      { kind: 'article', refId: latest._id, required: true },
      { kind: 'chapter', refId: chapters[0]._id, required: true },
      { kind: 'chapter', refId: chapters[1]._id, required: true },
      { kind: 'chapter', refId: chapters[2]._id, required: false },
    ],
  })
  await scheduleWeeklyList({ db, now, messenger: outboxMessenger }, admin, list._id, true)
}
