import { defineFunction } from '../function'
import { saveMeeting as save } from '../meetings/meetings'

/** 组织生活: schedules a meeting of a unit (or changes one not started) and tells its members who asked for 会议通知. */
export const saveMeeting = defineFunction(
  'saveMeeting',
  (input, { db, messenger, contentCheck, caller, now }) => save({ db, messenger, contentCheck, now }, caller, input),
  {
    uses: ['messenger', 'contentCheck'],
  },
)
