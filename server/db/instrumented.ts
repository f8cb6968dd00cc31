import type { CloudDatabase } from './types'

/** The calls that go to the database: everything else builds a query. */
const ROUND_TRIPS = new Set(['get', 'add', 'update', 'remove', 'set', 'count', 'end'])

/**
 * What the hook decides for one round trip: go ahead (undefined), or `'lost'`: the call is made but
 * its answer never arrives (the caller sees an error after the write happened). Throwing from the
 * hook stops the call before it is made.
 */
export type RoundTripHook = (method: string, collection: string) => void | 'lost'

/**
 * The database with a hook on every round trip (`get`, `add`, `update`, `count`, an aggregate's
 * `end`…), for measuring (the bench counts them) and fault injection (tests stop a job at a chosen
 * round trip, before or after its write). `db.command` and the query builders pass through.
 */
export function instrument(db: CloudDatabase, hook: RoundTripHook): CloudDatabase {
  const wrap = <T extends object>(target: T, collection: string): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver)
        if (typeof value !== 'function' || typeof prop !== 'string') return value
        if (ROUND_TRIPS.has(prop)) {
          return async (...args: unknown[]) => {
            const decision = hook(prop, collection)
            const answer = await value.apply(obj, args)
            if (decision === 'lost') throw new Error(`the answer to ${prop} was lost`)
            return answer
          }
        }
        return (...args: unknown[]) => {
          const built = value.apply(obj, args)
          return built && typeof built === 'object' ? wrap(built, collection) : built
        }
      },
    })
  return new Proxy(db, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver)
      if (prop === 'collection' && typeof value === 'function') return (name: string) => wrap(value.call(obj, name), name)
      return value
    },
  })
}
