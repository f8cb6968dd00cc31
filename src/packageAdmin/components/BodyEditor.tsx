import { Button, Text, View } from '@tarojs/components'
import { BLOCK_NAMES, draftMinutes, emptyBlock, moveBlock, type BlockType, type DraftBlock } from '../utils/body'
import { confirm } from '../utils/confirm'
import Field from './Field'
import './BodyEditor.scss'

interface Props {
  blocks: DraftBlock[]
  onChange: (blocks: DraftBlock[]) => void
  disabled?: boolean
}

const ADDABLE: BlockType[] = ['paragraph', 'heading', 'quote', 'image']

/** One block's fields. Their limits are the contract's (Block): bodyOf names the block that passes one. */
function BlockFields({ block, onChange, disabled }: { block: DraftBlock; onChange: (block: DraftBlock) => void; disabled?: boolean }) {
  const set = (field: 'text' | 'cite' | 'url' | 'caption') => (value: string) => onChange({ ...block, [field]: value })
  switch (block.type) {
    case 'image':
      return (
        <>
          <Field label='图片地址' value={block.url} onInput={set('url')} placeholder='https://' hint='以 http:// 或 https:// 开头' disabled={disabled} />
          <Field label='图片说明（可不填）' value={block.caption} onInput={set('caption')} disabled={disabled} />
        </>
      )
    case 'quote':
      return (
        <>
          <Field label='引用的话' value={block.text} onInput={set('text')} multiline disabled={disabled} />
          <Field label='出处（可不填）' value={block.cite} onInput={set('cite')} disabled={disabled} />
        </>
      )
    case 'heading':
      return <Field label='小标题' value={block.text} onInput={set('text')} disabled={disabled} />
    case 'paragraph':
      return <Field label='段落' value={block.text} onInput={set('text')} multiline disabled={disabled} />
  }
}

/**
 * The body of an article or a chapter, block by block: paragraphs, 小标题, quotes and images,
 * added at the end, moved up or down, or removed (after asking, when the block has text).
 */
export default function BodyEditor({ blocks, onChange, disabled }: Props) {
  async function remove(index: number) {
    const block = blocks[index]
    const typed = [block.text, block.cite, block.url, block.caption].some((v) => v.trim())
    if (typed && !(await confirm('删除这一块', `确定删除第 ${index + 1} 块（${BLOCK_NAMES[block.type]}）吗？`, '删除'))) return
    onChange(blocks.filter((_, i) => i !== index))
  }

  return (
    <View className='body-editor'>
      <View className='body-editor__head'>
        <Text className='field__label'>正文</Text>
        <Text className='field__hint'>{`预计阅读 ${draftMinutes(blocks)} 分钟（按字数估算）`}</Text>
      </View>
      {blocks.length === 0 && <Text className='section-note'>还没有正文，请在下面添加段落。</Text>}
      {blocks.map((block, index) => (
        <View key={block.key} className='body-block'>
          <View className='body-block__bar'>
            <Text className='body-block__name'>{`第 ${index + 1} 块 · ${BLOCK_NAMES[block.type]}`}</Text>
            {!disabled && (
              <View className='body-block__actions'>
                {index > 0 && (
                  <View className='text-button' ariaRole='button' ariaLabel={`第 ${index + 1} 块上移`} onClick={() => onChange(moveBlock(blocks, index, -1))}>
                    上移
                  </View>
                )}
                {index < blocks.length - 1 && (
                  <View className='text-button' ariaRole='button' ariaLabel={`第 ${index + 1} 块下移`} onClick={() => onChange(moveBlock(blocks, index, 1))}>
                    下移
                  </View>
                )}
                <View className='text-button' ariaRole='button' ariaLabel={`删除第 ${index + 1} 块`} onClick={() => void remove(index)}>
                  删除
                </View>
              </View>
            )}
          </View>
          <BlockFields block={block} disabled={disabled} onChange={(next) => onChange(blocks.map((b, i) => (i === index ? next : b)))} />
        </View>
      ))}
      {!disabled && (
        <View className='body-editor__add'>
          {ADDABLE.map((type) => (
            <Button key={type} className='plain-button body-editor__add-button' onClick={() => onChange([...blocks, emptyBlock(type)])}>
              {`+ ${BLOCK_NAMES[type]}`}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
