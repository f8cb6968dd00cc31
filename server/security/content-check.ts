import { foldedForCheck } from '../../types/text'
import { AppError } from '../errors'

/**
 * The content check (内容安全) every user-written text passes before it is stored: WeChat's
 * `security.msgSecCheck` in the cloud, a word list in the local cloud. Which scene a text is checked
 * in follows WeChat's four: 1 资料 (names), 2 评论 (replies), 3 论坛 (discussion prompts),
 * 4 社交日志 (check-in reflections).
 */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'log'

export interface ContentCheckRequest {
  /** The writer's OPENID: WeChat checks the text as theirs. */
  openid: string
  scene: ContentScene
  text: string
}

/** `risky`: refuse; `pass`: store. */
export type ContentVerdict = 'pass' | 'risky'

export interface ContentChecker {
  /** Rejects when the checking service could not answer: the caller must not store the text. */
  check(request: ContentCheckRequest): Promise<ContentVerdict>
}

/** Thrown when the checking service itself failed. */
export class ContentCheckUnavailable extends Error {
  constructor(reason: string) {
    super(`content check unavailable: ${reason}`)
    this.name = 'ContentCheckUnavailable'
  }
}

export const FLAGGED_MESSAGE = '内容含有不适宜发布的信息，请修改后再提交'
export const UNAVAILABLE_MESSAGE = '内容安全检查暂时不可用，没有保存，请稍后再试'

/**
 * Checks each non-empty text as written by `openid` in `scene`; throws INVALID_INPUT for flagged
 * text and UNAVAILABLE when the checker failed, so nothing unchecked is ever stored.
 */
export async function requireCleanText(
  checker: ContentChecker,
  openid: string,
  scene: ContentScene,
  texts: readonly (string | null | undefined)[],
): Promise<void> {
  for (const text of texts) {
    if (!text) continue
    let verdict: ContentVerdict
    try {
      verdict = await checker.check({ openid, scene, text: foldedForCheck(text) })
    } catch (err) {
      console.error('content check failed:', err)
      throw new AppError('UNAVAILABLE', UNAVAILABLE_MESSAGE)
    }
    if (verdict !== 'pass') throw new AppError('INVALID_INPUT', FLAGGED_MESSAGE)
  }
}
