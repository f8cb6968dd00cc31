import { defineFunction } from '../function'
import { preregisterMember as preregister } from '../membership'
import { requireCleanText } from '../security/content-check'

/** 预登记 a person by real name and phone, to be claimed with an invitation code; the name is content-checked. */
export const preregisterMember = defineFunction(
  'preregisterMember',
  async (input, { db, caller, now, contentCheck }) => {
    await requireCleanText(contentCheck, caller.openid, 'profile', [input.name])
    return preregister(db, caller, now, input)
  },
  { uses: ['contentCheck'] },
)
