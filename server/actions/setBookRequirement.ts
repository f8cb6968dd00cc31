import { writeRequirement } from '../content/book-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** Marks a book required (必修) for a year and some or all 党支部, or elective. Audited. */
export const setBookRequirement = defineFunction('setBookRequirement', (input, { db, caller, now }) => writeRequirement(db, contentEditor(caller), now, input))
