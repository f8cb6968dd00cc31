import { defineFunction } from '../../server/function'
import { updateProfile as updateOwnProfile } from '../../server/profile'

/** The caller edits their own display name, avatar and large-font preference. */
export const updateProfile = defineFunction('updateProfile', (input, { db, contentCheck, caller }) =>
  updateOwnProfile(db, contentCheck, caller, input),
)
export const main = updateProfile.main
