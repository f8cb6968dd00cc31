import { Text } from '@tarojs/components'
import type { Outcome as Result } from '../utils/useAction'
import '../admin.scss'

/** What the last change did, or why it failed (the server's own words). */
export default function Outcome({ outcome }: { outcome: Result | null }) {
  if (!outcome) return null
  return <Text className={`message ${outcome.ok ? 'message--ok' : 'message--error'}`}>{outcome.text}</Text>
}
