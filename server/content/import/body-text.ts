import type { Block } from '../../../types'

/**
 * A body written as plain text, as a spreadsheet cell holds it: blocks separated by blank lines;
 * `## 标题` a heading, `> 引文` a quote (`> —— 出处` on its last line names the source),
 * `![说明](https://…)` an image, anything else a paragraph (single line breaks kept).
 */
export function textToBody(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map(toBlock)
}

function toBlock(chunk: string): Block {
  const heading = /^#{1,6}\s+(.+)$/s.exec(chunk)
  if (heading) return { type: 'heading', text: heading[1].trim() }
  const image = /^!\[([^\]]*)\]\((\S+)\)$/.exec(chunk)
  if (image) return { type: 'image', url: image[2], ...(image[1].trim() ? { caption: image[1].trim() } : {}) }
  if (chunk.startsWith('>')) {
    const lines = chunk.split('\n').map((l) => l.replace(/^>\s?/, ''))
    const cite = /^(?:——|--)\s*(.+)$/.exec(lines[lines.length - 1] ?? '')
    if (cite && lines.length > 1) return { type: 'quote', text: lines.slice(0, -1).join('\n').trim(), cite: cite[1].trim() }
    return { type: 'quote', text: lines.join('\n').trim() }
  }
  return { type: 'paragraph', text: chunk }
}
