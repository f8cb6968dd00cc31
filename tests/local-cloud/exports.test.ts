import { openXlsx } from '../support/spreadsheets'
import { startTestLocalCloud, type TestLocalCloud } from '../support/local-cloud'

/** 2027-01-01 09:00 in Beijing: the 2026-Q4 report can be frozen. */
const NEW_YEAR = new Date('2027-01-01T01:00:00Z')

let t: TestLocalCloud
beforeAll(async () => {
  t = await startTestLocalCloud({ now: NEW_YEAR })
})
afterAll(() => t.close())

test('an admin’s export is a download link of the local cloud, valid for two hours', async () => {
  expect((await t.fetch('/local/timers/quarterReport/fire', { method: 'POST' })).status).toBe(200)
  const admin = await t.signIn('member-03')
  const { body } = await t.call<{ ok: boolean; data: { url: string; fileName: string; rows: number } }>(
    'exportQuarterReport',
    { format: 'xlsx', rows: 'members' },
    admin,
  )
  expect(body).toMatchObject({ ok: true, data: { fileName: '季度通报-2026-Q4-成员.xlsx', rows: 40 } })

  const file = await t.fetch(body.data.url)
  expect(file.status).toBe(200)
  expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(file.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('季度通报-2026-Q4-成员.xlsx')}`)
  expect((await openXlsx(Buffer.from(await file.arrayBuffer()))).rows).toHaveLength(41)

  await t.fetch('/local/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2027-01-01T03:00:01Z' }) })
  expect((await t.fetch(body.data.url)).status).toBe(404)
  expect((await t.fetch('/local/files/file-unknown')).status).toBe(404)
})
