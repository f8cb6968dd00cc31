import { defineFunction } from '../function'
import { requireCleanText } from '../security/content-check'
import { saveWeeklyList as save } from '../weekly/compose'

/** 每周一学: an admin creates or edits a list for this or a coming week (until it is published); its texts are content-checked. */
export const saveWeeklyList = defineFunction(
  'saveWeeklyList',
  async (input, { db, caller, now, contentCheck }) => {
    await requireCleanText(contentCheck, caller.openid, 'forum', [input.intro, ...input.items.map((i) => i.title)])
    return save(db, caller, now, input)
  },
  { uses: ['contentCheck'] },
)
