import { useEffect, useState } from 'react'
import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import Chips from '../Chips'
import { renderShareImage } from '../../services/shareImage'
import { SHARE_CANVAS_ID, SHARE_KIND_NAMES, type ShareCard as Card, type ShareKind } from '../../utils/shareCard'
import './index.scss'

/** A card with its picture, once drawn (none where the platform cannot draw one). */
export type SharedCard = Card & { imageUrl: string | null }

interface Props {
  /** The cards the member may send, in order; the first is picked at first. */
  cards: Card[]
  /** Shown on the picture. */
  name: string
  /** The card to send, each time the pick or its picture changes: the page's share handler answers it. */
  onReady(card: SharedCard): void
}

const IN_WEAPP = process.env.TARO_ENV === 'weapp'

/** 分享我的学习: pick what to send, see the picture, and send it to a WeChat chat. */
export default function ShareCard({ cards, name, onReady }: Props) {
  const [kind, setKind] = useState<ShareKind>(cards[0].kind)
  const [image, setImage] = useState<string | null>(null)
  const card = cards.find((c) => c.kind === kind) ?? cards[0]
  const key = `${card.kind}:${card.figure}:${card.lines.join('/')}:${name}`

  useEffect(() => {
    let current = true
    setImage(null)
    onReady({ ...card, imageUrl: null })
    void renderShareImage(card, name).then((imageUrl) => {
      if (!current) return
      setImage(imageUrl)
      onReady({ ...card, imageUrl })
    })
    return () => {
      current = false
    }
    // Drawn again only when what the picture says changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return (
    <View className='card share-card'>
      <View className='card__title'>分享我的学习</View>
      {cards.length > 1 && (
        <Chips choices={cards.map((c) => ({ value: c.kind, label: SHARE_KIND_NAMES[c.kind] }))} value={kind} onChange={(k) => k && setKind(k)} />
      )}
      {IN_WEAPP ? (
        <Canvas type='2d' id={SHARE_CANVAS_ID} className='share-card__canvas' />
      ) : image ? (
        <Image className='share-card__picture' src={image} mode='aspectFit' ariaLabel={card.title} />
      ) : (
        <Text className='share-card__text'>{card.title}</Text>
      )}
      {IN_WEAPP ? (
        <Button className='big-button' openType='share'>
          分享给微信好友
        </Button>
      ) : (
        <Text className='section-note'>在微信小程序里点「分享给微信好友」即可发到聊天；这里可以长按图片保存。</Text>
      )}
    </View>
  )
}
