import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Chips from '../../components/Chips'
import { createAudioPlayer } from '../../services/audio'
import type { AudioPlayer, AudioTrack } from '../../services/audio-player'

const SPEEDS = ['0.75', '1', '1.25', '1.5', '2'] as const
type Speed = (typeof SPEEDS)[number]
const SPEED_CHOICES = SPEEDS.map((value) => ({ value, label: `${value}×` }))

interface Props {
  track: AudioTrack
  /** Playing or not: listening counts as reading. */
  onPlayingChange(playing: boolean): void
  /** The audio played to its end (the end of the item is reached). */
  onEnded(): void
}

/** 收听: play or pause the item's audio, at a chosen speed. */
export default function ListenBar({ track, onPlayingChange, onEnded }: Props) {
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<Speed>('1')
  const [error, setError] = useState<string | null>(null)
  const player = useRef<AudioPlayer | null>(null)
  const handlers = useRef({ onPlayingChange, onEnded })
  handlers.current = { onPlayingChange, onEnded }

  useEffect(() => () => player.current?.destroy(), [])

  function changed(now: boolean) {
    setPlaying(now)
    handlers.current.onPlayingChange(now)
  }

  function toggle() {
    setError(null)
    if (playing) return player.current?.pause()
    player.current ??= createAudioPlayer(track, {
      onPlay: () => changed(true),
      onPause: () => changed(false),
      onEnded: () => {
        changed(false)
        handlers.current.onEnded()
      },
      onError: (message) => {
        changed(false)
        setError(message)
      },
    })
    player.current.setRate(Number(speed))
    player.current.play()
  }

  function pickSpeed(value: Speed | undefined) {
    if (!value) return
    setSpeed(value)
    player.current?.setRate(Number(value))
  }

  return (
    <View className='card listen'>
      <View className='listen__head'>
        <Text className='listen__title'>收听</Text>
        <Text className='listen__note'>{playing ? '正在播放，收听同样计入学时' : '可以边听边看'}</Text>
      </View>
      <Button className={`big-button listen__toggle${playing ? ' listen__toggle--playing' : ''}`} onClick={toggle}>
        {playing ? '暂停' : '播放'}
      </Button>
      <Chips label='语速' choices={SPEED_CHOICES} value={speed} onChange={pickSpeed} />
      {error && <Text className='listen__error'>{error}</Text>}
    </View>
  )
}
