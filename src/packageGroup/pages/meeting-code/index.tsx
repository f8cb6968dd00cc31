import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import qrcode from 'qrcode-generator'
import type { ActionOutput } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { toCloudError } from '../../../services/errors'
import PageRoot from '../../../components/PageRoot'
import { Loading } from '../../../components/Status'
import { queryValue } from '../../../utils/routes'
import './index.scss'

type Codes = ActionOutput<'getMeetingCodes'>

/** The QR of a code's text as an image (a GIF data URL: the weapp's Image and the browser both show it). */
function qrImage(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(8, 16)
}

/**
 * 签到二维码 on the leader's phone: the code of this half-minute, changing every 30 s, with its 6
 * digits underneath for those who type it. Codes come five minutes at a call and are shown by the
 * server's clock (the phone's may be off); the next batch is fetched before these run out.
 */
export default function MeetingCodePage() {
  const id = queryValue(useRouter().params.id)
  const [codes, setCodes] = useState<Codes | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [now, setNow] = useState(Date.now())
  const offset = useRef(0)
  const fetching = useRef(false)

  const fetchCodes = useCallback(async () => {
    if (fetching.current) return
    fetching.current = true
    try {
      const next = await callFunction('getMeetingCodes', { id })
      offset.current = Date.parse(next.now) - Date.now()
      setCodes(next)
      setError(null)
    } catch (err) {
      setError(toCloudError(err).message)
    } finally {
      fetching.current = false
    }
  }, [id])

  useEffect(() => {
    void fetchCodes()
    // The screen stays on while the code shows (the weapp; browsers have no such switch).
    try {
      void Taro.setKeepScreenOn?.({ keepScreenOn: true })?.catch(() => undefined)
    } catch {
      // Not on this platform.
    }
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [fetchCodes])

  const serverNow = now + offset.current
  const index = codes ? codes.codes.findIndex((c) => Date.parse(c.from) <= serverNow && serverNow < Date.parse(c.until)) : -1
  const current = codes && index >= 0 ? codes.codes[index] : null
  // Two periods before the last: the next batch.
  useEffect(() => {
    if (codes && (index < 0 || index >= codes.codes.length - 2)) void fetchCodes()
  }, [codes, index, fetchCodes])
  const qr = current?.qr
  const image = useMemo(() => (qr ? qrImage(qr) : null), [qr])

  return (
    <PageRoot>
      <View className='card meeting-code'>
        <View className='card__title'>请扫码签到</View>
        {current && image ? (
          <>
            <Image className='meeting-code__qr' src={image} mode='aspectFit' ariaLabel='签到二维码' />
            <Text className='meeting-code__digits'>{current.code}</Text>
            <Text className='section-note'>{`${Math.max(0, Math.ceil((Date.parse(current.until) - serverNow) / 1000))} 秒后更换。扫不了码的同志，在会议页面输入这 6 位数字。`}</Text>
          </>
        ) : error ? (
          <Text className='message message--error'>{error}</Text>
        ) : (
          <Loading text='正在生成签到码…' />
        )}
        <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
          返回查看签到情况
        </Button>
      </View>
    </PageRoot>
  )
}
