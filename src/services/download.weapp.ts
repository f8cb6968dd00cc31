import Taro from '@tarojs/taro'
import type { OpenDownload } from './download'

export type { OpenDownload } from './download'

export const openDownload: OpenDownload = async (url, fileName) => {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
  if (statusCode !== 200) throw new Error('文件下载失败，请稍后再试')
  const fileType = fileName.endsWith('.csv') ? undefined : 'xlsx'
  // WeChat's viewer opens .xlsx; a .csv is handed over as a file to forward or save.
  await Taro.openDocument({ filePath: tempFilePath, ...(fileType ? { fileType } : {}), showMenu: true })
}
