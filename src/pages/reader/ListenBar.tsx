import { useEffect, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Chips from '../../components/Chips'
import type { AudioEvents, AudioPlayer } from '../../services/audio-player'
import { listenedAt, rememberListened } from '../../utils/listening'

/** Slower for those who need it, a little faster for those who like it: three, easy to tell apart. */
const SPEEDS = ['0.8', '1', '1.25'] as const
type Speed = (typeof SPEEDS)[number]
const SPEED_CHOICES = SPEEDS.map((value) => ({ value, label: `${value}×` }))
/** What is listened to: a recording (its place in seconds) or the text read by the phone (its place a sentence). */
export interface ListenSource {
  /** Starts the player at `startAt` (the place kept last time). */
  open(startAt: number, events: AudioEvents): AudioPlayer
  /** Where the member stopped is kept under this, with the place's unit in it. */
  placeKey: string
  /** How far the place moves before it is kept again, besides at every pause: 5 seconds, or each sentence. */
  keepEvery: number
  /** What the note says before playing. */
  note: string
}

interface Props {
  source: ListenSource
  /** Playing or not: listening counts as reading. */
  onPlayingChange(playing: boolean): void
  /** Played to its end (the end of the item is reached). */
  onEnded(): void
  /** Where playing has got to, in the source's unit. */
  onPlace(place: number): void
}

/** 收听: one big button to play or pause, at a chosen speed, going on from where the member stopped. */
export default function ListenBar({ source, onPlayingChange, onEnded, onPlace }: Props) {
  const { placeKey, keepEvery } = source
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<Speed>('1')
  const [error, setError] = useState<string | null>(null)
  const [resumeAt] = useState(() => listenedAt(placeKey))
  const player = useRef<AudioPlayer | null>(null)
  const at = useRef(resumeAt)
  const handlers = useRef({ onPlayingChange, onEnded, onPlace })
  handlers.current = { onPlayingChange, onEnded, onPlace }

  useEffect(() => () => player.current?.destroy(), [])

  function changed(now: boolean) {
    setPlaying(now)
    handlers.current.onPlayingChange(now)
    if (!now && at.current > 0) rememberListened(placeKey, at.current)
  }

  function toggle() {
    setError(null)
    if (playing) return player.current?.pause()
    player.current ??= source.open(resumeAt, {
      onPlay: () => changed(true),
      onPause: () => changed(false),
      onEnded: () => {
        at.current = 0
        rememberListened(placeKey, 0)
        changed(false)
        handlers.current.onEnded()
      },
      onError: (message) => {
        changed(false)
        setError(message)
      },
      onTime: (place) => {
        if (Math.floor(place / keepEvery) !== Math.floor(at.current / keepEvery)) rememberListened(placeKey, place)
        at.current = place
        handlers.current.onPlace(place)
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

  const note = playing ? '正在播放，收听同样计入学时' : resumeAt > 0 && !player.current ? '从上次听到的地方接着听' : source.note
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
