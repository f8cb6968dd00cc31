import cloud from 'wx-server-sdk'
import type { CloudDatabase } from './db/types'
import { openapiMessenger } from './notify/openapi-messenger'
import { officialAccountFromEnv } from './official-account/client'
import type { Platform } from './platform'
import { wxFiles } from './files/wx-files'
import { wxContentChecker } from './security/wx-content-check'
import { tencentSpeechFromEnv } from './speech/tencent'

/** The platform inside WeChat cloud (CloudBase). */
export function createWxCloudPlatform(): Platform {
  // The SDK types this constant as a symbol while init() wants a string.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database() as unknown as CloudDatabase
  return {
    db,
    callerOpenId: () => cloud.getWXContext().OPENID || undefined,
    now: () => new Date(),
    messenger: openapiMessenger(),
    officialAccount: officialAccountFromEnv(),
    contentCheck: wxContentChecker,
    files: wxFiles,
    speech: tencentSpeechFromEnv(),
  }
}
