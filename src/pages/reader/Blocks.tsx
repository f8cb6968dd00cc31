import { Image, Text, View } from '@tarojs/components'
import type { Block } from '../../../types'

/** A structured body, block by block, as native text and images (never HTML). */
export default function Blocks({ body }: { body: Block[] }) {
  return (
    <View className='reader__body'>
      {body.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <Text key={i} className='reader__heading'>
                {block.text}
              </Text>
            )
          case 'paragraph':
            return (
              <Text key={i} className='reader__paragraph' userSelect>
                {block.text}
              </Text>
            )
          case 'quote':
            return (
              <View key={i} className='reader__quote'>
                <Text className='reader__quote-text' userSelect>
                  {block.text}
                </Text>
                {block.cite && <Text className='reader__quote-cite'>{`—— ${block.cite}`}</Text>}
              </View>
            )
          case 'image':
            return (
              <View key={i} className='reader__figure'>
                <Image className='reader__image' src={block.url} mode='widthFix' lazyLoad ariaLabel={block.caption ?? '插图'} />
                {block.caption && <Text className='reader__caption'>{block.caption}</Text>}
              </View>
            )
        }
      })}
    </View>
  )
}
