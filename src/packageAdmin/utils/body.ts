import type { Block } from '../../../types'
import { BLOCK_TEXT_MAX } from '../../../types/constants'
import { readingMinutes } from '../../../types/reading'
import { charCount } from '../../../types/text'
import { CloudError } from '../../services/errors'

export type BlockType = Block['type']

export const BLOCK_NAMES: Record<BlockType, string> = {
  paragraph: '段落',
  heading: '小标题',
  quote: '引用',
  image: '图片',
}

/**
 * A block as the admin edits it: every field a string, so a half-typed block keeps its text;
 * `key` keeps each block's inputs with it when blocks move.
 */
export interface DraftBlock {
  key: string
  type: BlockType
  /** A paragraph's, heading's or quote's text. */
  text: string
  /** A quote's source (出处). */
  cite: string
  /** An image's address. */
  url: string
  /** An image's caption. */
  caption: string
}

type DraftField = Exclude<keyof DraftBlock, 'key' | 'type'>

const FIELD_NAMES: Record<DraftField, string> = { text: '文字', cite: '出处', url: '图片地址', caption: '图片说明' }

let lastKey = 0
const nextKey = () => `block-${++lastKey}`

export function emptyBlock(type: BlockType): DraftBlock {
  return { key: nextKey(), type, text: '', cite: '', url: '', caption: '' }
}

export function toDrafts(body: readonly Block[]): DraftBlock[] {
  return body.map((block) => {
    const draft = emptyBlock(block.type)
    if (block.type === 'image') return { ...draft, url: block.url, caption: block.caption ?? '' }
    if (block.type === 'quote') return { ...draft, text: block.text, cite: block.cite ?? '' }
    return { ...draft, text: block.text }
  })
}

/** The block a draft stands for, not yet checked; optional fields left out when blank. */
function toBlock(draft: DraftBlock): Block {
  const optional = (name: 'cite' | 'caption') => (draft[name].trim() ? { [name]: draft[name].trim() } : {})
  if (draft.type === 'image') return { type: 'image', url: draft.url.trim(), ...optional('caption') }
  if (draft.type === 'quote') return { type: 'quote', text: draft.text.trim(), ...optional('cite') }
  return { type: draft.type, text: draft.text.trim() }
}

/** The most characters a field of a block may hold (the contract's limits). */
function limitOf(type: BlockType, field: DraftField): number {
  if (field === 'cite') return BLOCK_TEXT_MAX.cite
  if (field === 'caption') return BLOCK_TEXT_MAX.caption
  return type === 'image' ? 500 : BLOCK_TEXT_MAX[type]
}

/** What is wrong with a block as the contract takes it, naming its field, or null. */
function problemOf(block: Block): { field: DraftField; problem: 'empty' | 'long' | 'url' } | null {
  const fields = Object.entries(block).filter(([k]) => k !== 'type') as [DraftField, string][]
  for (const [field, value] of fields) {
    if ((field === 'text' || field === 'url') && value === '') return { field, problem: 'empty' }
    if (charCount(value) > limitOf(block.type, field)) return { field, problem: 'long' }
  }
  if (block.type === 'image' && !/^https?:\/\/\S+$/.test(block.url)) return { field: 'url', problem: 'url' }
  return null
}

/**
 * The structured body of the drafts. A bad block is refused here, before anything is sent, with a
 * message naming the block (the server's own would not say which).
 */
export function bodyOf(drafts: readonly DraftBlock[]): Block[] {
  const refuse = (problem: string) => new CloudError('INVALID_INPUT', problem)
  if (drafts.length === 0) throw refuse('正文不能为空，请至少添加一段')
  return drafts.map((draft, i) => {
    const block = toBlock(draft)
    const found = problemOf(block)
    if (!found) return block
    const where = `正文第 ${i + 1} 块（${BLOCK_NAMES[draft.type]}）的${FIELD_NAMES[found.field]}`
    if (found.problem === 'empty') throw refuse(`${where}不能为空`)
    if (found.problem === 'long') throw refuse(`${where}最多 ${limitOf(draft.type, found.field)} 个字`)
    throw refuse(`${where}应以 http:// 或 https:// 开头`)
  })
}

/** Estimated reading minutes of what is typed so far (the server derives the same on saving). */
export const draftMinutes = (drafts: readonly DraftBlock[]): number => readingMinutes(drafts.map(toBlock))

/** Moves the block at `index` one place up (-1) or down (+1). */
export function moveBlock(drafts: readonly DraftBlock[], index: number, step: -1 | 1): DraftBlock[] {
  const target = index + step
  if (target < 0 || target >= drafts.length) return [...drafts]
  const next = [...drafts]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}
