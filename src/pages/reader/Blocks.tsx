import { Image, Text, View } from '@tarojs/components'
import type { Block } from '../../../types'
import type { SpokenSentence } from '../../../types/speech'

/** A block's text, with the sentence being read aloud marked when it is in this block. */
function Spoken({ text, block, spoken }: { text: string; block: number; spoken: SpokenSentence | null }) {
  if (!spoken || spoken.block !== block) return <>{text}</>
  return (
    <>
      {text.slice(0, spoken.start)}
      <Text className='reader__spoken'>{text.slice(spoken.start, spoken.end)}</Text>
      {text.slice(spoken.end)}
    </>
  )
}

/** A structured body, block by block, as native text and images (never HTML); the sentence being read aloud is marked. */
export default function Blocks({ body, spoken = null }: { body: Block[]; spoken?: SpokenSentence | null }) {
  return (
    <View className='reader__body'>
      {body.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <Text key={i} className='reader__heading'>
                <Spoken text={block.text} block={i} spoken={spoken} />
              </Text>
            )
          case 'paragraph':
            return (
              <Text key={i} className='reader__paragraph' userSelect>
                <Spoken text={block.text} block={i} spoken={spoken} />
              </Text>
            )
          case 'quote':
            return (
              <View key={i} className='reader__quote'>
                <Text className='reader__quote-text' userSelect>
                  <Spoken text={block.text} block={i} spoken={spoken} />
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
