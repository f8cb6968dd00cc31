import { defineFunction } from '../function'
import { preregisterMember as preregister } from '../membership'

/** 预登记 a person by real name and phone, to be claimed with an invitation code. */
export const preregisterMember = defineFunction('preregisterMember', (input, { db, caller, now }) =>
  preregister(db, caller, now, input),
)
