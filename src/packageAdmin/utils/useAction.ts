import { useRef, useState } from 'react'
import { toCloudError } from '../../services/errors'

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

/** One change at a time on an admin page, and what came of it. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const running = useRef(false)

  async function run(work: () => Promise<string>): Promise<boolean> {
    if (running.current) return false
    running.current = true
    setBusy(true)
    setOutcome(null)
    try {
      setOutcome({ ok: true, text: await work() })
      return true
    } catch (error) {
      setOutcome({ ok: false, text: toCloudError(error).message })
      return false
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  return { busy, outcome, run }
}
