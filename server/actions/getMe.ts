import { defineFunction } from '../function'
import { profileOf } from '../profile'

/** The calling member's own profile. */
export const getMe = defineFunction('getMe', (_input, { db, caller }) => profileOf(db, caller))
