import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Chips from '../../components/Chips'
import { createAudioPlayer } from '../../services/audio'
import type { AudioPlayer, AudioTrack } from '../../services/audio-player'
import { listenedAt, rememberListened } from '../../utils/listening'

/** Slower for those who need it, a little faster for those who like it: three, easy to tell apart. */
const SPEEDS = ['0.8', '1', '1.25'] as const
type Speed = (typeof SPEEDS)[number]
const SPEED_CHOICES = SPEEDS.map((value) => ({ value, label: `${value}×` }))
/** How often (seconds of playing) the place is kept, besides every pause. */
const KEEP_EVERY = 5

interface Props {
  track: Omit<AudioTrack, 'startAt'>
  /** The item, for keeping where the member stopped. */
  item: string
  /** Read by the speech engine rather than recorded by a person. */
  synthesized: boolean
  /** Playing or not: listening counts as reading. */
  onPlayingChange(playing: boolean): void
  /** The audio played to its end (the end of the item is reached). */
  onEnded(): void
  /** Where playing has got to, in seconds. */
  onTime(seconds: number): void
}

/** 收听: one big button to play or pause, at a chosen speed, going on from where the member stopped. */
export default function ListenBar({ track, item, synthesized, onPlayingChange, onEnded, onTime }: Props) {
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<Speed>('1')
  const [error, setError] = useState<string | null>(null)
  const [resumeAt] = useState(() => listenedAt(item))
  const player = useRef<AudioPlayer | null>(null)
  const at = useRef(resumeAt)
  const handlers = useRef({ onPlayingChange, onEnded, onTime })
  handlers.current = { onPlayingChange, onEnded, onTime }

  useEffect(() => () => player.current?.destroy(), [])

  function changed(now: boolean) {
    setPlaying(now)
    handlers.current.onPlayingChange(now)
    if (!now && at.current > 0) rememberListened(item, at.current)
  }

  function toggle() {
    setError(null)
    if (playing) return player.current?.pause()
    player.current ??= createAudioPlayer(
      { ...track, startAt: resumeAt },
      {
        onPlay: () => changed(true),
        onPause: () => changed(false),
        onEnded: () => {
          at.current = 0
          rememberListened(item, 0)
          changed(false)
          handlers.current.onEnded()
        },
        onError: (message) => {
          changed(false)
          setError(message)
        },
        onTime: (seconds) => {
          if (Math.floor(seconds / KEEP_EVERY) !== Math.floor(at.current / KEEP_EVERY)) rememberListened(item, seconds)
          at.current = seconds
          handlers.current.onTime(seconds)
        },
      },
    )
    player.current.setRate(Number(speed))
    player.current.play()
  }

  function pickSpeed(value: Speed | undefined) {
    if (!value) return
    setSpeed(value)
    player.current?.setRate(Number(value))
  }

  const note = playing
    ? '正在播放，收听同样计入学时'
    : resumeAt > 0 && !player.current
      ? '从上次听到的地方接着听'
      : synthesized
        ? '语音朗读全文，可以边听边看'
        : '可以边听边看'
  return (
    <View className='card listen'>
      <View className='listen__head'>
        <Text className='listen__title'>收听</Text>
        <Text className='listen__note'>{note}</Text>
      </View>
      <Button className={`big-button listen__toggle${playing ? ' listen__toggle--playing' : ''}`} onClick={toggle}>
        {playing ? '暂停' : resumeAt > 0 && !player.current ? '继续收听' : '播放'}
      </Button>
      <Chips label='语速' choices={SPEED_CHOICES} value={speed} onChange={pickSpeed} />
      {error && <Text className='listen__error'>{error}</Text>}
    </View>
  )
}
