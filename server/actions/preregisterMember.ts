import { defineFunction } from '../function'
import { preregisterMember as preregister } from '../membership'

/** 预登记 a person by real name and phone, to be claimed with an invitation code; the name is content-checked. */
export const preregisterMember = defineFunction(
  'preregisterMember',
  (input, { db, caller, now, contentCheck }) => preregister(db, contentCheck, caller, now, input),
  { uses: ['contentCheck'] },
)
