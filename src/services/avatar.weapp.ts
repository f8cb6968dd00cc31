import Taro from '@tarojs/taro'

export const canChooseAvatar = true

/** Uploads the avatar WeChat handed over (a temporary file) to cloud storage. */
export async function storeAvatar(memberId: string, tempPath: string): Promise<string> {
  const ext = /\.(\w{2,4})$/.exec(tempPath)?.[1] ?? 'jpg'
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `avatars/${memberId}-${Date.now()}.${ext}`, filePath: tempPath })
  return fileID
}

/** The mini-program shows `cloud://` and `https://` images alike. */
export const avatarSource = (url: string | null): string | null => url
