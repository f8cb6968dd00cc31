/**
 * Changing the avatar: the mini-program lets the member pick a WeChat avatar and stores it in
 * cloud storage (`avatar.weapp.ts`). Other platforms (the H5 demo) cannot.
 */
export const canChooseAvatar = false

/** Stores a picked avatar file and answers its permanent address (`cloud://…`). */
export async function storeAvatar(_memberId: string, _tempPath: string): Promise<string> {
  throw new Error('当前平台不能更换头像')
}

/** An avatar address this platform can show (the browser cannot read `cloud://`). */
export const avatarSource = (url: string | null): string | null => (url?.startsWith('https://') ? url : null)
