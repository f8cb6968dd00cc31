import { defineRouter } from '../../server/function'
import { getContent } from '../../server/actions/getContent'
import { listContent } from '../../server/actions/listContent'
import { listOutbox } from '../../server/actions/listOutbox'
import { retireArticle } from '../../server/actions/retireArticle'
import { saveArticle } from '../../server/actions/saveArticle'
import { saveBook } from '../../server/actions/saveBook'
import { saveChapter } from '../../server/actions/saveChapter'
import { scheduleArticle } from '../../server/actions/scheduleArticle'
import { setBookRequirement } from '../../server/actions/setBookRequirement'
import { setRecommended } from '../../server/actions/setRecommended'
import { synthesizeSpeech } from '../../server/speech/timer'

/**
 * The admins’ articles, books, chapters, recommendations and outbox. Routes `{ action, ...input }`;
 * its timer trigger reads the texts written since aloud (听全文, server/speech/).
 */
export const { main, uses } = defineRouter(
  'content',
  { saveArticle, scheduleArticle, retireArticle, listContent, getContent, saveBook, saveChapter, setBookRequirement, setRecommended, listOutbox },
  { timer: synthesizeSpeech },
)
