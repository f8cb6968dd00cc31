import { defineFunction } from '../function'
import { register as registerCaller } from '../registration'

/** 实名注册 with an invitation code; open to WeChat users who have no member record yet. */
export const register = defineFunction(
  'register',
  (input, { db, contentCheck, openid, member, now }) => registerCaller(db, contentCheck, { openid, member }, now, input),
  { caller: 'wechatUser', uses: ['contentCheck'] },
)
