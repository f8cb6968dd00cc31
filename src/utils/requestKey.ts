/**
 * A key for one post, sent with every attempt at it (a retry after a lost answer): the server posts
 * it once. A new post gets a new key.
 */
export function newRequestKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `${Date.now().toString(36)}-${random}`
}
