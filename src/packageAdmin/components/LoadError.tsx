import type { CloudError } from '../../services/errors'
import { ErrorNotice } from '../../components/Status'
import NoPermission from './NoPermission'

/** A failed load: the server's refusal as 没有权限, anything else with 重试. */
export default function LoadError({ error, onRetry }: { error: CloudError; onRetry: () => void }) {
  if (error.code === 'FORBIDDEN') return <NoPermission message={error.message} />
  return <ErrorNotice message={error.message} onRetry={onRetry} />
}
