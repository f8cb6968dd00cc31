import type { Block } from '../../types'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML text or attribute value: nothing in it can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Line breaks inside a paragraph stay line breaks. */
const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br/>')

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h2>${lines(block.text)}</h2>`
    case 'paragraph':
      return `<p>${lines(block.text)}</p>`
    case 'quote':
      return `<blockquote><p>${lines(block.text)}</p>${block.cite ? `<p>——${escapeHtml(block.cite)}</p>` : ''}</blockquote>`
    case 'image':
      // The account keeps only images uploaded to WeChat (uploadimg); others are dropped when published.
      return `<p><img src="${escapeHtml(block.url)}" alt="${escapeHtml(block.caption ?? '')}"/></p>${
        block.caption ? `<p>${escapeHtml(block.caption)}</p>` : ''
      }`
  }
}

/** An article body as the HTML the draft API's `content` takes, with its source at the end. */
export function bodyToHtml(body: readonly Block[], source?: string): string {
  const html = body.map(blockHtml).join('')
  return source ? `${html}<p>来源：${escapeHtml(source)}</p>` : html
}
