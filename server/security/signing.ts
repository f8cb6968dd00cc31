import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'

/**
 * What the server hands the client to carry and send back unchanged: a JSON body signed with
 * HMAC-SHA256 under a key only the server knows. The client can read a pass but not alter it or
 * make one. Each kind of pass signs with its own purpose, so one kind is never taken for another.
 */

/** Server-only secrets (the key passes are signed with): `secrets/passes`, made once per environment. */
export const SECRETS = 'secrets'
const KEY_ID = 'passes'

interface SecretDoc {
  _id: string
  key: string
}

/**
 * Read once per database and process (a function instance): kept on the database object itself, so
 * a wrapper of it (server/db/instrumented.ts, a proxy) shares it.
 */
const KEY = Symbol('signingKey')
type Keyed = CloudDatabase & { [KEY]?: Promise<Buffer> }

function signingKey(db: Keyed): Promise<Buffer> {
  let key = db[KEY]
  if (!key) {
    key = (async () => {
      let doc = await findDoc<SecretDoc>(db, SECRETS, KEY_ID)
      if (!doc) {
        // The first use in the environment; of two at once, the key first stored is the one.
        const made: SecretDoc = { _id: KEY_ID, key: randomBytes(32).toString('hex') }
        await addOnce(db, SECRETS, made)
        doc = await findDoc<SecretDoc>(db, SECRETS, KEY_ID)
      }
      if (!doc) throw new Error('signing key not found after creating it')
      return Buffer.from(doc.key, 'hex')
    })()
    db[KEY] = key
    key.catch(() => delete db[KEY])
  }
  return key
}

export type PassPurpose = 'reading' | 'caller'

/**
 * The signature covers the purpose and what the pass is bound to besides its body (an OPENID: it
 * must not be readable in the pass, yet the pass is good for that user only).
 */
const mac = (key: Buffer, purpose: PassPurpose, boundTo: string, body: string) =>
  createHmac('sha256', key)
    .update(JSON.stringify([purpose, boundTo]))
    .update(body)
    .digest()

/** `body` signed for `purpose` (and bound to `boundTo`): `<base64url JSON>.<base64url signature>`. */
export async function signPass(db: CloudDatabase, purpose: PassPurpose, body: object, boundTo = ''): Promise<string> {
  const encoded = Buffer.from(JSON.stringify(body)).toString('base64url')
  return `${encoded}.${mac(await signingKey(db), purpose, boundTo, encoded).toString('base64url')}`
}

/** The body of a pass this environment signed for `purpose` and `boundTo`; undefined for anything else. */
export async function openPass<T>(db: CloudDatabase, purpose: PassPurpose, pass: string, boundTo = ''): Promise<T | undefined> {
  const [body, signature, ...rest] = pass.split('.')
  if (!body || !signature || rest.length > 0) return undefined
  const expected = mac(await signingKey(db), purpose, boundTo, body)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  return JSON.parse(Buffer.from(body, 'base64url').toString()) as T
}
