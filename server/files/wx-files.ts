import cloud from 'wx-server-sdk'
import { LINK_SECONDS, type FileStore } from './file-store'

/** Exports in WeChat cloud storage under `exports/`, handed out as temporary links. */
export const wxFiles: FileStore = {
  async save({ name, bytes }, now) {
    const cloudPath = `exports/${now.toISOString().slice(0, 10)}/${now.getTime()}-${name}`
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes })
    // The SDK's types allow a callback style that answers nothing; awaited, it answers the list.
    const answer = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] })
    const first = answer ? answer.fileList[0] : undefined
    if (!first?.tempFileURL) throw new Error(`no temporary link for ${fileID}: ${first?.errMsg ?? 'unknown'}`)
    const url = first.tempFileURL
    return { url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() }
  },
}
