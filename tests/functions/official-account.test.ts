import { dailyPush } from '../../cloudfunctions/dailyPush'
import { listOutbox } from '../../server/actions/listOutbox'
import { ARTICLES, type ArticleDoc } from '../../server/content/docs'
import { createLocalPlatform } from '../../server/local-platform'
import { OfficialAccountClient, OfficialAccountError } from '../../server/official-account/client'
import { publishEdition, PUBLICATIONS, type PublicationDoc } from '../../server/official-account/publication'
import { installPlatform } from '../../server/platform'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addArticle, addCategories } from '../support/content'
import { FakeOfficialAccount } from '../support/fake-official-account'

let fake: FakeOfficialAccount
let ms: number
const client = (options: Partial<ConstructorParameters<typeof OfficialAccountClient>[0]> = {}) =>
  new OfficialAccountClient({ appId: fake.appId, secret: fake.secret, baseUrl: fake.url, thumbMediaId: 'thumb-1', now: () => ms, ...options })
const draft = { title: '标题', author: '编辑部', digest: '摘要', content: '<p>正文</p>' }

beforeEach(async () => {
  fake = await new FakeOfficialAccount().start()
  ms = Date.parse('2026-11-23T23:30:00Z')
})
afterEach(() => fake.stop())

describe('the official-account client', () => {
  it('gets a stable token and sends the draft and the submission in the API’s shape', async () => {
    const oa = client()
    const mediaId = await oa.addDraft([draft], 'thumb-1')
    const publishId = await oa.submit(mediaId)

    expect([mediaId, publishId]).toEqual(['media-1', '100001'])
    expect(fake.requests.map((r) => r.path)).toEqual(['/cgi-bin/stable_token', '/cgi-bin/draft/add', '/cgi-bin/freepublish/submit'])
    expect(fake.requests[0].body).toEqual({ grant_type: 'client_credential', appid: 'wx-oa-app', secret: 'oa-secret', force_refresh: false })
    expect(fake.requests[1]).toEqual({
      path: '/cgi-bin/draft/add',
      token: 'token-1',
      body: {
        articles: [
          {
            title: '标题',
            author: '编辑部',
            digest: '摘要',
            content: '<p>正文</p>',
            content_source_url: '',
            thumb_media_id: 'thumb-1',
            need_open_comment: 0,
            only_fans_can_comment: 0,
          },
        ],
      },
    })
    expect(fake.requests[2]).toEqual({ path: '/cgi-bin/freepublish/submit', token: 'token-1', body: { media_id: 'media-1' } })
  })

  it('caches the token until shortly before it expires, and shares one fetch between concurrent calls', async () => {
    const oa = client()
    await Promise.all([oa.addDraft([draft], 't'), oa.addDraft([draft], 't')])
    ms += 7200_000 - 5 * 60_000 - 1
    await oa.addDraft([draft], 't')
    expect(fake.calls('/cgi-bin/stable_token')).toHaveLength(1)
    ms += 1
    await oa.addDraft([draft], 't')
    expect(fake.calls('/cgi-bin/stable_token')).toHaveLength(2)
    expect(fake.calls('/cgi-bin/draft/add').map((r) => r.token)).toEqual(['token-1', 'token-1', 'token-1', 'token-2'])
  })

  it.each([
    [40001, 'invalid credential'],
    [42001, 'access_token expired'],
  ])('on %s (%s) fetches a new token and calls once more', async (errcode, errmsg) => {
    const oa = client()
    await oa.addDraft([draft], 't')
    fake.revokeTokens()
    if (errcode === 42001) fake.script('/cgi-bin/draft/add', { errcode, errmsg })
    expect(await oa.addDraft([draft], 't')).toBe('media-2')
    expect(fake.calls('/cgi-bin/stable_token')).toHaveLength(2)
    expect(fake.calls('/cgi-bin/draft/add').map((r) => r.token)).toEqual(['token-1', 'token-1', 'token-2'])
  })

  it('gives up after one refresh, and reports API errors with their code', async () => {
    const oa = client()
    fake.script('/cgi-bin/draft/add', { errcode: 40001, errmsg: 'invalid credential' }, { errcode: 40001, errmsg: 'invalid credential' })
    await expect(oa.addDraft([draft], 't')).rejects.toMatchObject({ errcode: 40001 })
    fake.script('/cgi-bin/freepublish/submit', { errcode: 48001, errmsg: 'api unauthorized' })
    await expect(oa.submit('media-x')).rejects.toEqual(new OfficialAccountError('/cgi-bin/freepublish/submit', 48001, 'api unauthorized'))
  })

  it('a wrong secret is the token API’s error', async () => {
    await expect(client({ secret: 'wrong' }).addDraft([draft], 't')).rejects.toMatchObject({ errcode: 40125, errmsg: 'invalid appsecret' })
    expect(fake.calls('/cgi-bin/draft/add')).toEqual([])
  })
})

describe('publishing the day’s edition', () => {
  let cloud: TestCloud
  let articles: ArticleDoc[]
  beforeEach(async () => {
    cloud = await openTestCloud('2026-11-23T23:30:00Z')
    await addCategories(cloud.db)
    articles = [
      await addArticle(cloud.db, {
        _id: 'a1',
        title: '第一篇',
        summary: '摘要一',
        source: '学习圈<编辑部>',
        body: [
          { type: 'heading', text: '小标题' },
          { type: 'paragraph', text: '一段 <script>alert("x")</script> & 更多' },
          { type: 'quote', text: '引文', cite: '某人' },
          { type: 'image', url: 'https://example.com/p.png?a=1&b=2', caption: '图"说"' },
        ],
      }),
      await addArticle(cloud.db, { _id: 'a2', title: '第二篇' }),
    ]
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
  })
  afterEach(async () => {
    jest.restoreAllMocks()
    await cloud.close()
  })

  const publish = (oa: OfficialAccountClient | undefined) => publishEdition(cloud.db, oa, cloud.clock.now(), '2026-11-24', articles)
  const stored = async () => (await allDocs(cloud.db, PUBLICATIONS)) as unknown as PublicationDoc[]

  it('makes one draft of the day’s articles, with the body as escaped HTML, and submits it', async () => {
    const doc = await publish(client())
    expect(doc).toMatchObject({
      _id: 'oa-2026-11-24',
      status: 'submitted',
      mediaId: 'media-1',
      publishId: '100001',
      attempts: 1,
      error: null,
      title: '第一篇 等 2 篇',
    })
    const [first, second] = fake.drafts.get('media-1') as Record<string, string>[]
    expect(first).toMatchObject({ title: '第一篇', author: '学习圈<编辑部>', digest: '摘要一', thumb_media_id: 'thumb-1' })
    expect(first.content).toBe(
      '<h2>小标题</h2>' +
        '<p>一段 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 更多</p>' +
        '<blockquote><p>引文</p><p>——某人</p></blockquote>' +
        '<p><img src="https://example.com/p.png?a=1&amp;b=2" alt="图&quot;说&quot;"/></p><p>图&quot;说&quot;</p>' +
        '<p>来源：学习圈&lt;编辑部&gt;</p>',
    )
    expect(second.title).toBe('第二篇')
  })

  it('without an account, only records the edition', async () => {
    expect(await publish(undefined)).toMatchObject({ status: 'recorded', mediaId: null, attempts: 0 })
    expect(fake.requests).toEqual([])
    // Configured later, it still does not publish a day that was recorded.
    expect(await publish(client())).toMatchObject({ status: 'recorded' })
  })

  it('a failed submission is retried from the draft already made: one draft, one publication', async () => {
    fake.script('/cgi-bin/freepublish/submit', { errcode: -1, errmsg: 'system error' })
    expect(await publish(client())).toMatchObject({ status: 'failed', mediaId: 'media-1', publishId: null, error: expect.stringContaining('-1') })
    expect(await publish(client())).toMatchObject({ status: 'submitted', mediaId: 'media-1', publishId: '100001', attempts: 2, error: null })
    expect(await publish(client())).toMatchObject({ status: 'submitted', attempts: 2 })
    expect(fake.calls('/cgi-bin/draft/add')).toHaveLength(1)
    expect(fake.calls('/cgi-bin/freepublish/submit')).toHaveLength(2)
    expect(fake.published).toEqual(['media-1'])
  })

  it('a failed draft is made again on the next run', async () => {
    fake.script('/cgi-bin/draft/add', { errcode: 45002, errmsg: 'content size out of limit' })
    expect(await publish(client())).toMatchObject({ status: 'failed', mediaId: null, error: expect.stringContaining('45002') })
    expect(await publish(client())).toMatchObject({ status: 'submitted' })
  })

  it('a submission that got no answer is never submitted again', async () => {
    fake.script('/cgi-bin/freepublish/submit', 'hangUp')
    expect(await publish(client())).toMatchObject({ status: 'submitting', mediaId: 'media-1', publishId: null, error: expect.stringContaining('核对') })
    expect(await publish(client())).toMatchObject({ status: 'submitting' })
    expect(fake.calls('/cgi-bin/freepublish/submit')).toHaveLength(1)
  })

  it('concurrent runs make one draft and one submission', async () => {
    const docs = await Promise.all([publish(client()), publish(client()), publish(client())])
    expect(fake.calls('/cgi-bin/draft/add')).toHaveLength(1)
    expect(fake.calls('/cgi-bin/freepublish/submit')).toHaveLength(1)
    expect((await stored())[0]).toMatchObject({ status: 'submitted', attempts: 1 })
    expect(docs.some((d) => d.status === 'submitted')).toBe(true)
  })

  it('a run that died while publishing is taken over after the lease, resuming from its draft', async () => {
    fake.script('/cgi-bin/freepublish/submit', { errcode: -1, errmsg: 'system error' })
    await publish(client())
    await cloud.db
      .collection(PUBLICATIONS)
      .doc('oa-2026-11-24')
      .update({ data: { status: 'publishing' } })
    expect(await publish(client())).toMatchObject({ status: 'publishing' })
    cloud.clock.fix(new Date(cloud.clock.now().getTime() + 11 * 60_000))
    expect(await publish(client())).toMatchObject({ status: 'submitted', mediaId: 'media-1' })
    expect(fake.calls('/cgi-bin/draft/add')).toHaveLength(1)
  })

  it('without a cover image (OA_THUMB_MEDIA_ID) the edition fails with that reason', async () => {
    expect(await publish(client({ thumbMediaId: undefined }))).toMatchObject({ status: 'failed', error: expect.stringContaining('OA_THUMB_MEDIA_ID') })
    expect(fake.requests).toEqual([])
  })

  it('dailyPush publishes through the platform’s account, and admins see the edition in the outbox', async () => {
    await cloud.db
      .collection(ARTICLES)
      .doc('a1')
      .update({ data: { status: 'scheduled', scheduledFor: '2026-11-24' } })
    await cloud.addCast()
    installPlatform(createLocalPlatform(cloud.db, cloud.clock, { officialAccount: client() }))
    const run = () => cloud.call(dailyPush, undefined, {})
    expect(await run()).toMatchObject({ ok: true, data: { publication: { status: 'submitted', mediaId: 'media-1', publishId: '100001' } } })
    expect(await run()).toMatchObject({ ok: true, data: { publication: { status: 'submitted' } } })
    expect(fake.published).toEqual(['media-1'])
    const outbox = await cloud.call(listOutbox, 'wx-org', { kind: 'publication' })
    expect(outbox).toMatchObject({
      ok: true,
      data: { items: [{ kind: 'publication', day: '2026-11-24', status: 'submitted', articleIds: ['a1'] }], nextCursor: null },
    })
  })
})
