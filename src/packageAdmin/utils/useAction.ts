import { useState } from 'react'
import { useAction as useChange } from '../../hooks/useAction'

export interface Outcome {
  ok: boolean
  text: string
}

export interface Action {
  busy: boolean
  outcome: Outcome | null
  /**
   * Runs one change unless another is running: `work` answers what was done; a failure's message
   * is kept instead. Whatever the admin typed stays as it was either way. True when it succeeded.
   */
  run: (work: () => Promise<string>) => Promise<boolean>
}

/** One change at a time on an admin page, and what came of it (said on the page, not toasted). */
export function useAction(): Action {
  const change = useChange()
  const [done, setDone] = useState<string | null>(null)

  async function run(work: () => Promise<string>): Promise<boolean> {
    setDone(null)
    const text = await change.run(work)
    if (text === undefined) return false
    setDone(text)
    return true
  }

  const outcome = change.error !== null ? { ok: false, text: change.error } : done !== null ? { ok: true, text: done } : null
  return { busy: change.busy, outcome, run }
}
