import type { Block } from '../../types'

/** What an admin wrote in a body, block by block: the text, a quote's source, an image's caption. */
export const bodyTexts = (body: readonly Block[]): (string | undefined)[] =>
  body.flatMap((b) => (b.type === 'image' ? [b.caption] : b.type === 'quote' ? [b.text, b.cite] : [b.text]))
