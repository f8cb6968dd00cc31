import cloud from 'wx-server-sdk'
import { ContentCheckUnavailable, type ContentChecker, type ContentScene } from './content-check'

const SCENES: Record<ContentScene, number> = { profile: 1, comment: 2, forum: 3, log: 4 }

interface MsgSecCheckResult {
  errCode?: number
  errMsg?: string
  result?: { suggest?: string; label?: number }
}

/**
 * `cloud.openapi.security.msgSecCheck`, version 2: the writer's OPENID (who must have opened the
 * mini-program within the last two hours) and the scene. Every function that stores user text lists
 * `security.msgSecCheck` under permissions.openapi in its config.json.
 *
 * Only `risky` refuses: `review` (可疑) is frequent for study notes that quote leaders and theory,
 * the very content of this app, and stays stored.
 */
export const wxContentChecker: ContentChecker = {
  async check({ openid, scene, text }) {
    let answer: MsgSecCheckResult
    try {
      answer = (await cloud.openapi.security.msgSecCheck({ openid, scene: SCENES[scene], version: 2, content: text })) as MsgSecCheckResult
    } catch (err) {
      const e = err as { errCode?: number; errMsg?: string; message?: string }
      throw new ContentCheckUnavailable(`${e.errCode ?? 'ERROR'} ${e.errMsg ?? e.message ?? String(err)}`)
    }
    if (answer.errCode !== undefined && answer.errCode !== 0) throw new ContentCheckUnavailable(`${answer.errCode} ${answer.errMsg ?? ''}`)
    const suggest = answer.result?.suggest
    if (suggest === 'risky') return 'risky'
    if (suggest === 'pass' || suggest === 'review') return 'pass'
    throw new ContentCheckUnavailable(`unexpected answer ${JSON.stringify(answer)}`)
  },
}
