import { defineRouter } from '../../server/function'
import { checkIn } from '../../server/actions/checkIn'
import { getCheckInSummary } from '../../server/actions/getCheckInSummary'
import { getHome } from '../../server/actions/getHome'
import { getMe } from '../../server/actions/getMe'
import { recordSubscription } from '../../server/actions/recordSubscription'
import { register } from '../../server/actions/register'
import { updateProfile } from '../../server/actions/updateProfile'

/** The member’s own day: profile, 实名注册, 首页, 学习打卡, subscribe-message grants. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('member', { getMe, register, updateProfile, getHome, checkIn, getCheckInSummary, recordSubscription })
