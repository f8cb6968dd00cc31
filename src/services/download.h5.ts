import type { OpenDownload } from './download'

export type { OpenDownload } from './download'

/** The local cloud's download link: the browser saves the file under its name. */
export const openDownload: OpenDownload = async (url, fileName) => {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
}
