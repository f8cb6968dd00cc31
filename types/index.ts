/**
 * The contract between the mini-program and the cloud functions. Schemas (zod) are for the server;
 * the mini-program imports types from here and values only from the zod-free modules: constants,
 * calendar, text, people, reading, questions and actions.
 */
export * from './actions'
export * from './calendar'
export * from './constants'
export * from './people'
export * from './reading'
export * from './text'
export * from './questions'
export * from './content'
export * from './content-functions'
export * from './discussion'
export * from './domain'
export * from './errors'
export * from './functions'
export * from './study'
export * from './scoring'
export * from './reports'
export * from './weekly'
export * from './quiz'
export * from './exams'
export * from './reflections'
export * from './meetings'
export * from './archive'
