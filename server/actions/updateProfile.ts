import { defineFunction } from '../function'
import { updateProfile as updateOwnProfile } from '../profile'

/** The caller edits their own display name, avatar and large-font preference. */
export const updateProfile = defineFunction('updateProfile', (input, { db, contentCheck, caller }) => updateOwnProfile(db, contentCheck, caller, input), {
  uses: ['contentCheck'],
  changesCaller: true,
})
