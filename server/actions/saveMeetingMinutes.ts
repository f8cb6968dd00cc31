import { defineFunction } from '../function'
import { saveMinutes } from '../meetings/meetings'

/** 组织生活: 会议记录, content-checked. */
export const saveMeetingMinutes = defineFunction(
  'saveMeetingMinutes',
  (input, { db, contentCheck, caller, now }) => saveMinutes({ db, contentCheck, now }, caller, input),
  {
    uses: ['contentCheck'],
  },
)
