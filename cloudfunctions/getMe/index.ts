import { defineFunction } from '../../server/function'
import { profileOf } from '../../server/profile'

/** The calling member's own profile. */
export const getMe = defineFunction('getMe', (_input, { db, caller }) => profileOf(db, caller))
export const main = getMe.main
