/**
 * Scanning the sign-in QR on the leader's screen. Taro picks `scan.weapp.ts` (WeChat's scanner) at
 * build time; elsewhere (H5) there is no scanner and the member types the 6-digit code under the QR.
 *
 * Answers the QR's text, or null when the member closed the scanner.
 */
export type ScanCode = (() => Promise<string | null>) | null

export const scanCode: ScanCode = null
