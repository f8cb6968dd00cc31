import { allDocs, openTestCloud, type TestCloud } from './cloud'

/**
 * A table of input each action must refuse, run through its deployed router as the organisation's
 * admin (who may call every action): INVALID_INPUT with a message in Chinese, and nothing written in
 * any of `written`. One suite per call.
 */
export function refusesBadInput(router: (event: unknown) => Promise<unknown>, table: Record<string, Record<string, unknown>[]>, written: string[]): void {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await openTestCloud('2026-11-25T02:00:00Z')
    await cloud.addCast()
  })
  afterAll(() => cloud.close())

  test.each(Object.entries(table).flatMap(([action, inputs]) => inputs.map((input, i) => [`${action} #${i + 1}`, action, input] as const)))(
    '%s: INVALID_INPUT in Chinese, nothing written',
    async (_name, action, input) => {
      const result = await cloud.call({ main: router }, 'wx-org', { action, ...input })
      expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
      for (const collection of written) expect(await allDocs(cloud.db, collection)).toEqual([])
    },
  )
}
