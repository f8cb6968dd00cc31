import { readingMinutes } from '../types'
import { addDays, dayKey, startOfDay, yearKey } from '../types/calendar'
import { CATEGORIES } from '../server/content/categories'
import { ARTICLES, BOOKS, CHAPTERS, tocOf, type ArticleDoc, type BookDoc, type ChapterDoc } from '../server/content/docs'
import type { CloudDatabase } from '../server/db/types'
import { INVITATIONS, type InvitationDoc } from '../server/invitations'
import { MEMBERS } from '../server/members'
import { nameKey } from '../server/name-order'
import { OPENIDS } from '../server/registration'
import { PUSHES, type PushDoc } from '../server/push/pushes'
import { UNITS } from '../server/units'
import { articles, type SeedArticle } from './seed/articles'
import { books, categories } from './seed/books'
import { lawBooks } from './seed/laws'
import { INVITER_ID, invitations, members, units } from './seed/organisation'
import { discussionDocs } from './seed/discussion'
import { NEWCOMERS, readablesOf, seedHistory } from './seed/history'
import { seedExam } from './seed/exams'
import { seedReflections } from './seed/reflections'
import { seedMeetings } from './seed/meetings'
import { seedWeeklyList } from './seed/weekly'
import { blockedWordsFromEnv, wordListChecker } from '../server/security/word-list-check'
import { PROMPTS, REPLIES } from '../server/discussion/docs'
import { scoreReply } from '../server/scoring/sources'
import { readQuestionRows, writeQuestions } from '../server/quiz/import'
import { QUESTION_HEADER, questionRows } from './seed/questions'

export interface SeedReport {
  seeded: boolean
  units: number
  members: number
  invitations: number
  articles: number
  books: number
  /** In the demo question bank. */
  questions: number
  /** Members who sat the demo 季度考核 (seed/exams.ts). */
  examSitters: number
  /** The members' history before the seed's day (seed/history.ts). */
  checkIns: number
  readings: number
}

type Put = (collection: string, doc: { _id: string } & Record<string, unknown>) => Promise<unknown>

/** Pushed `daysAgo` (with that day's push), scheduled `daysAhead`, or waiting in the queue. */
function articleDoc(article: SeedArticle, today: string, now: Date, queuePosition: number): ArticleDoc {
  const { when, recommended, ...content } = article
  const at = now.toISOString()
  // Every text waits to be read aloud (听全文): the local cloud records them when it starts.
  const base = {
    ...content,
    minutes: readingMinutes(content.body),
    recommended: recommended ?? false,
    speechPending: true as const,
    createdAt: at,
    updatedAt: at,
  }
  if (when === 'queued') return { ...base, status: 'queued', queuedAt: new Date(now.getTime() + queuePosition).toISOString() }
  if ('daysAhead' in when) return { ...base, status: 'scheduled', scheduledFor: addDays(today, when.daysAhead) }
  return { ...base, status: 'published', publishedOn: addDays(today, -when.daysAgo) }
}

/** Writes the content; answers the articles and chapters written, in order. */
async function seedContent(put: Put, now: Date): Promise<{ articles: ArticleDoc[]; chapters: ChapterDoc[] }> {
  const today = dayKey(now)
  const written = { articles: [] as ArticleDoc[], chapters: [] as ChapterDoc[] }
  for (const category of categories) await put(CATEGORIES, { ...category })
  for (const [i, article] of articles.entries()) {
    const doc = articleDoc(article, today, now, i)
    await put(ARTICLES, { ...doc })
    written.articles.push(doc)
    if (doc.publishedOn) {
      const push: PushDoc = { _id: doc.publishedOn, day: doc.publishedOn, articleIds: [doc._id], source: 'scheduled', createdAt: at730(doc.publishedOn) }
      await put(PUSHES, { ...push })
    }
  }
  const at = now.toISOString()
  for (const { chapters, required, recorded, ...book } of [...books, ...lawBooks]) {
    const docs: ChapterDoc[] = chapters.map((c, i) => ({
      _id: `${book._id}-${i + 1}`,
      bookId: book._id,
      order: i + 1,
      title: c.title,
      body: c.body,
      minutes: readingMinutes(c.body),
      ...(recorded === false ? {} : { speechPending: true as const }),
      updatedAt: at,
    }))
    for (const chapter of docs) await put(CHAPTERS, { ...chapter })
    written.chapters.push(...docs)
    const doc: BookDoc = {
      ...book,
      ...(required ? { required: { year: Number(yearKey(now)), branchIds: required.branchIds } } : {}),
      status: 'published',
      chapterCount: docs.length,
      totalMinutes: docs.reduce((sum, c) => sum + c.minutes, 0),
      toc: tocOf(docs),
      createdAt: at,
      updatedAt: at,
      revision: 0,
    }
    await put(BOOKS, { ...doc })
  }
  return written
}

/** 07:30 Shanghai on a day, when its push runs. */
const at730 = (day: string) => new Date(startOfDay(day).getTime() + 7.5 * 3600_000).toISOString()

/**
 * Writes the demo organisation, its members, invitation codes, categories, books with chapters, two
 * weeks of articles and the members' two weeks of check-ins and reading when the store has no units
 * yet. Every document has a fixed id (and the history replays as the functions' retries do), so seeding
 * is idempotent; articles are pushed, scheduled and queued around the Shanghai day of `now`, required
 * books are required for its year, and codes stay valid for a year from it.
 */
export async function seedIfEmpty(db: CloudDatabase, now: Date): Promise<SeedReport> {
  const { total } = await db.collection(UNITS).count()
  if (total > 0) return { seeded: false, units: 0, members: 0, invitations: 0, articles: 0, books: 0, questions: 0, examSitters: 0, checkIns: 0, readings: 0 }

  const today = dayKey(now)
  const put = (collection: string, { _id, ...data }: { _id: string } & Record<string, unknown>) => db.collection(collection).doc(_id).set({ data })

  const content = await seedContent(put, now)
  for (const member of members) {
    await put(MEMBERS, { ...member, nameKey: nameKey(member.name) })
    // The OPENID guard registration relies on, as if these members had registered.
    if (member.openid) await put(OPENIDS, { _id: member.openid, memberId: member._id, at: now })
  }
  for (const { code, groupId, maxUses, validDays, revoked } of invitations) {
    const doc: InvitationDoc = {
      _id: code,
      groupId,
      branchId: units.find((u) => u._id === groupId)?.parentId ?? '',
      maxUses,
      uses: 0,
      expiresAt: startOfDay(addDays(today, validDays + 1)),
      revoked,
      createdBy: INVITER_ID,
      createdAt: now,
    }
    await put(INVITATIONS, { ...doc })
  }
  const discussion = discussionDocs(now)
  for (const prompt of discussion.prompts) await put(PROMPTS, { ...prompt })
  for (const reply of discussion.replies) {
    await put(REPLIES, { ...reply })
    // Scored as a posted and featured reply is, so the ledger agrees with the visible discussion.
    await scoreReply(db, reply, reply.featuredAt ? ['reply', 'replyFeatured'] : ['reply'])
  }
  const checker = wordListChecker(blockedWordsFromEnv())
  const history = await seedHistory(db, checker, members, readablesOf(content.articles, content.chapters), now)
  await seedWeeklyList(
    db,
    checker,
    members.find((m) => m.roles.includes('orgAdmin'))!,
    content,
    now,
  )
  const questions = await seedQuestions(db, now)
  const examSitters = await seedExam(db, members, NEWCOMERS, now, INVITER_ID)
  await seedReflections(db, checker, members, now)
  await seedMeetings(db, checker, members, now)
  // Units last: they mark a finished seed, so an interrupted one is redone on the next start.
  for (const unit of units) await put(UNITS, { ...unit, createdAt: now })
  return {
    seeded: true,
    units: units.length,
    members: members.length,
    invitations: invitations.length,
    articles: articles.length,
    books: books.length + lawBooks.length,
    questions,
    examSitters,
    ...history,
  }
}

/** The demo bank (seed/questions.ts), read as an imported question file is; answers how many. */
async function seedQuestions(db: CloudDatabase, now: Date): Promise<number> {
  const rows = [QUESTION_HEADER, ...questionRows].map((cells, i) => ({ line: i + 1, cells }))
  const { questions, problems } = readQuestionRows(rows)
  if (problems.length > 0) throw new Error(`demo question bank, line ${problems[0].line}: ${problems[0].message}`)
  await writeQuestions(db, now, questions, INVITER_ID)
  return questions.length
}
