import { ARTICLES, BOOKS, CHAPTERS } from '../content/docs'
import type { CloudDatabase } from '../db/types'
import type { QuestionDoc } from './questions'

/**
 * The questions whose link members can follow now: linked to a published article, a published
 * book or a chapter of one, or to nothing. An article scheduled for next week has its questions
 * imported ahead; they are drawn once it is out.
 */
export async function followable(db: CloudDatabase, questions: QuestionDoc[]): Promise<QuestionDoc[]> {
  const _ = db.command
  const ids = (kind: string, among = questions) => [...new Set(among.filter((q) => q.link?.kind === kind).map((q) => q.link!.id))]
  const find = async <T>(collection: string, list: string[], fields: Record<string, true>): Promise<T[]> =>
    list.length
      ? ((
          await db
            .collection(collection)
            .where({ _id: _.in(list) })
            .field(fields)
            .limit(1000)
            .get()
        ).data as T[])
      : []
  const chapters = await find<{ _id: string; bookId: string }>(CHAPTERS, ids('chapter'), { _id: true, bookId: true })
  const bookIds = [...new Set([...ids('book'), ...chapters.map((c) => c.bookId)])]
  const [articles, books] = await Promise.all([
    find<{ _id: string; status: string }>(ARTICLES, ids('article'), { _id: true, status: true }),
    find<{ _id: string; status: string }>(BOOKS, bookIds, { _id: true, status: true }),
  ])
  const published = (docs: { _id: string; status: string }[]) => new Set(docs.filter((d) => d.status === 'published').map((d) => d._id))
  const liveArticles = published(articles)
  const liveBooks = published(books)
  const liveChapters = new Set(chapters.filter((c) => liveBooks.has(c.bookId)).map((c) => c._id))
  return questions.filter((q) => {
    if (!q.link) return true
    if (q.link.kind === 'article') return liveArticles.has(q.link.id)
    if (q.link.kind === 'book') return liveBooks.has(q.link.id)
    return liveChapters.has(q.link.id)
  })
}
