import * as z from 'zod'
import { zhCN } from 'zod/locales'

// Import zod as a namespace everywhere (`import * as z`): its named `z` export pulls every locale into
// the weapp and function bundles (~450 KiB instead of ~90 KiB).
// Validation messages reach members on both sides; speak Chinese.
z.config(zhCN())

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
