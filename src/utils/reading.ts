import type { StudyKind } from '../../types'
import { ROUTES, withQuery } from './routes'

/** The reader open on an article or a chapter. */
export const readerUrl = (kind: StudyKind, id: string) => withQuery(ROUTES.reader, { kind, id })

/** A book's page. */
export const bookUrl = (id: string) => withQuery(ROUTES.book, { id })

/** Where the member got to in an article or chapter: 读到 40%. */
export const positionText = (position: number) => `读到 ${Math.round(position * 100)}%`
