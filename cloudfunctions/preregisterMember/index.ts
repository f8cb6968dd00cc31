import { defineFunction } from '../../server/function'
import { preregisterMember as preregister } from '../../server/membership'

/** 预登记 a person by real name and phone, to be claimed with an invitation code. */
export const preregisterMember = defineFunction('preregisterMember', (input, { db, caller, now }) =>
  preregister(db, caller, now, input),
)
export const main = preregisterMember.main
