import type { Send } from './transport'
import { CloudError, NETWORK_MESSAGE } from './errors'

/** Served by the local cloud only: signs a test member in, then returns to `next`. */
const SIGN_IN_PATH = '/local/signin'

/** Where to sign in, coming back to the current page (path and hash route) afterwards. */
export function signInUrl(): string {
  const { pathname, search, hash } = window.location
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(pathname + search + hash)}`
}

export const send: Send = async (name, data) => {
  let response: Response
  try {
    response = await fetch(`/api/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
      credentials: 'same-origin',
    })
  } catch {
    throw new CloudError('NETWORK', NETWORK_MESSAGE)
  }

  if (response.status === 401) {
    window.location.assign(signInUrl())
    throw new CloudError('UNAUTHENTICATED', '请先登录，正在前往登录页…')
  }

  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new CloudError('NETWORK', NETWORK_MESSAGE)
  }
  return body
}
