// Every schema module imports zod from here as a namespace (`import * as z from './zod'`):
// validation messages reach members in Chinese, and the bundles keep only the zod they use.
// Re-exporting zod's own `z` object instead would carry every locale (~350 KB) into each function.
import { config } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'

config(zhCN())

export * from 'zod'
