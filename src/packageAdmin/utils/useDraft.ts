import { useState } from 'react'

export interface Draft<T> {
  value: T
  set: (change: (value: T) => T) => void
  /** Differs from what was last saved (or loaded). */
  dirty: boolean
  /** The server now holds `value`. */
  markSaved: (value: T) => void
}

/** A form's typed values, and whether they have been saved. */
export function useDraft<T>(initial: () => T): Draft<T> {
  const [value, setValue] = useState(initial)
  const [saved, setSaved] = useState(() => JSON.stringify(value))
  return {
    value,
    set: setValue,
    dirty: JSON.stringify(value) !== saved,
    markSaved: (next) => setSaved(JSON.stringify(next)),
  }
}
