import { defineRouter } from '../../server/function'
import { getArticle } from '../../server/actions/getArticle'
import { getBook } from '../../server/actions/getBook'
import { getChapter } from '../../server/actions/getChapter'
import { getContinueReading } from '../../server/actions/getContinueReading'
import { getMyStudy } from '../../server/actions/getMyStudy'
import { getStudyRules } from '../../server/actions/getStudyRules'
import { getToday } from '../../server/actions/getToday'
import { heartbeat } from '../../server/actions/heartbeat'
import { listCategories } from '../../server/actions/listCategories'
import { listLibrary } from '../../server/actions/listLibrary'

/** Reading and study time: today’s push, the library, the reader, 我的学习. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('study', {
  getToday,
  listCategories,
  getStudyRules,
  getArticle,
  getChapter,
  getBook,
  listLibrary,
  getContinueReading,
  getMyStudy,
  heartbeat,
})
