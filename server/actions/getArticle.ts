import { defineFunction } from '../function'
import { readArticle } from '../study/reader'

/**
 * 阅读文章: a published article with the caller's saved progress. Open to any WeChat user, as
 * articles are shared to chats: someone without an active member record reads it as a guest.
 */
export const getArticle = defineFunction('getArticle', (input, { db, member, now }) => readArticle(db, member, input, now), {
  caller: 'wechatUser',
})
