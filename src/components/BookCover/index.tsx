import { Image, View } from '@tarojs/components'
import './index.scss'

interface Props {
  title: string
  url: string | null
  /** Sets the size. */
  className: string
}

/** A book's cover, or the first character of its title on a red ground when it has none. */
export default function BookCover({ title, url, className }: Props) {
  return url ? (
    <Image className={`book-cover ${className}`} src={url} mode='aspectFill' />
  ) : (
    <View className={`book-cover book-cover--blank ${className}`}>{Array.from(title)[0]}</View>
  )
}
