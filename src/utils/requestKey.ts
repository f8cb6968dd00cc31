/**
 * A key the client makes up for one thing it may send more than once: a post, sent with every
 * attempt at it (a retry after a lost answer), which the server then posts once; or a reading
 * session, by which the server tells a replayed heartbeat. A new post or session gets a new key.
 */
export function newRequestKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `${Date.now().toString(36)}-${random}`
}
