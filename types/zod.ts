import * as z from 'zod'
import { zhCN } from 'zod/locales'

// Every schema module imports zod from here: validation messages reach members on both sides, in
// Chinese. Import zod as a namespace (`import * as z`): its named `z` export pulls every locale into
// the bundles.
z.config(zhCN())

export { z }
