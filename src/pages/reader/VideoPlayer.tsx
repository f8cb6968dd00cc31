import { useRef } from 'react'
import { Text, Video, View } from '@tarojs/components'
import { observe, playedShare, startPlayback } from '../../utils/playback'

interface Props {
  video: { url: string; seconds: number; coverUrl: string | null }
  /** The video started or stopped playing. */
  onPlayingChange(playing: boolean): void
  /** Seconds played at normal speed or slower since the last update. */
  onPlayed(seconds: number): void
  /** The share of the video played so far (0..1). */
  onShare(share: number): void
}

/**
 * The video of a video item, with the player's own controls. Study time comes from what it plays
 * (utils/playback.ts), not from the page being open: dragging ahead or playing fast earns nothing.
 */
export default function VideoPlayer({ video, onPlayingChange, onPlayed, onShare }: Props) {
  const playback = useRef(startPlayback(video.seconds))
  const update = (position: number, playing: boolean) => {
    const { playback: next, played } = observe(playback.current, position, Date.now(), playing)
    playback.current = next
    if (played > 0) {
      onPlayed(played)
      onShare(playedShare(next))
    }
  }
  return (
    <View className='reader__video'>
      <Video
        className='reader__video-player'
        src={video.url}
        poster={video.coverUrl ?? undefined}
        controls
        showCenterPlayBtn
        enableProgressGesture={false}
        onPlay={(e) => {
          update((e.detail as { currentTime?: number }).currentTime ?? playback.current.last?.position ?? 0, true)
          onPlayingChange(true)
        }}
        onPause={() => {
          playback.current = { ...playback.current, last: null }
          onPlayingChange(false)
        }}
        onEnded={() => {
          playback.current = { ...playback.current, last: null }
          onPlayingChange(false)
        }}
        onTimeUpdate={(e) => update(e.detail.currentTime, true)}
      />
      <Text className='reader__video-note'>按实际播放计学时：拖动或快进跳过的部分不计，播放过 90% 即看完。</Text>
    </View>
  )
}
