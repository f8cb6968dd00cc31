/**
 * Opening an exported file (an .xlsx or .csv behind a temporary link). Taro picks
 * `download.weapp.ts` (download, then WeChat's document viewer, from which it can be forwarded or
 * saved) or `download.h5.ts` (the browser downloads it) at build time; this neutral file refuses on
 * other platforms.
 */
export type OpenDownload = (url: string, fileName: string) => Promise<void>

export const openDownload: OpenDownload = async () => {
  throw new Error('当前平台不支持下载文件')
}
