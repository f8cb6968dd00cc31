/**
 * The permission matrix: every cloud function × every role × where the object sits, called for real
 * on the real store. A function added to the contract must add its rows here: the first test fails
 * otherwise, and `FUNCTIONS` does not type-check without it.
 */
import { archiveUnit } from '../../cloudfunctions/archiveUnit'
import { checkIn } from '../../cloudfunctions/checkIn'
import { createInvitation } from '../../cloudfunctions/createInvitation'
import { deactivateMember } from '../../cloudfunctions/deactivateMember'
import { getCheckInSummary } from '../../cloudfunctions/getCheckInSummary'
import { getGroup } from '../../cloudfunctions/getGroup'
import { getMe } from '../../cloudfunctions/getMe'
import { listArticles } from '../../cloudfunctions/listArticles'
import { listAudit } from '../../cloudfunctions/listAudit'
import { listInvitations } from '../../cloudfunctions/listInvitations'
import { listMembers } from '../../cloudfunctions/listMembers'
import { listUnits } from '../../cloudfunctions/listUnits'
import { moveMember } from '../../cloudfunctions/moveMember'
import { preregisterMember } from '../../cloudfunctions/preregisterMember'
import { reactivateMember } from '../../cloudfunctions/reactivateMember'
import { register } from '../../cloudfunctions/register'
import { revokeInvitation } from '../../cloudfunctions/revokeInvitation'
import { saveUnit } from '../../cloudfunctions/saveUnit'
import { setRoles } from '../../cloudfunctions/setRoles'
import { updateProfile } from '../../cloudfunctions/updateProfile'
import { getContent } from '../../cloudfunctions/getContent'
import { getSubscriptions } from '../../cloudfunctions/getSubscriptions'
import { getToday } from '../../cloudfunctions/getToday'
import { listCategories } from '../../cloudfunctions/listCategories'
import { listContent } from '../../cloudfunctions/listContent'
import { listOutbox } from '../../cloudfunctions/listOutbox'
import { recordSubscription } from '../../cloudfunctions/recordSubscription'
import { retireArticle } from '../../cloudfunctions/retireArticle'
import { saveArticle } from '../../cloudfunctions/saveArticle'
import { saveBook } from '../../cloudfunctions/saveBook'
import { saveChapter } from '../../cloudfunctions/saveChapter'
import { scheduleArticle } from '../../cloudfunctions/scheduleArticle'
import { setBookRequirement } from '../../cloudfunctions/setBookRequirement'
import { setRecommended } from '../../cloudfunctions/setRecommended'
import { dailyPush } from '../../cloudfunctions/dailyPush'
import { getArticle } from '../../cloudfunctions/getArticle'
import { getBook } from '../../cloudfunctions/getBook'
import { getChapter } from '../../cloudfunctions/getChapter'
import { getContinueReading } from '../../cloudfunctions/getContinueReading'
import { getMyStudy } from '../../cloudfunctions/getMyStudy'
import { getStudyRules } from '../../cloudfunctions/getStudyRules'
import { heartbeat } from '../../cloudfunctions/heartbeat'
import { listLibrary } from '../../cloudfunctions/listLibrary'
import { contract, type FunctionName } from '../../types'
import type { CloudFunction } from '../../server/function'
import { MEMBERS } from '../../server/members'
import { UNITS } from '../../server/units'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addContent, paragraphs } from '../support/content'

const FUNCTIONS: { [N in FunctionName]: CloudFunction<N> } = {
  getMe,
  checkIn,
  getCheckInSummary,
  listArticles,
  register,
  updateProfile,
  getGroup,
  listUnits,
  saveUnit,
  archiveUnit,
  listMembers,
  preregisterMember,
  moveMember,
  setRoles,
  deactivateMember,
  reactivateMember,
  createInvitation,
  revokeInvitation,
  listInvitations,
  listAudit,
  getToday,
  listCategories,
  saveArticle,
  scheduleArticle,
  retireArticle,
  listContent,
  getContent,
  saveBook,
  saveChapter,
  setBookRequirement,
  setRecommended,
  recordSubscription,
  getSubscriptions,
  listOutbox,
  heartbeat,
  getStudyRules,
  getArticle,
  getChapter,
  getBook,
  listLibrary,
  getContinueReading,
  getMyStudy,
}

/** Any function by name, for calls made from the table. */
const fnOf = (name: FunctionName) => FUNCTIONS[name] as CloudFunction

/** The callers, one per role, all in group-1 of branch-1 (see CAST in tests/support/cloud.ts). */
const ROLES = { member: 'm1', leader: 'lead1', branchAdmin: 'ba1', orgAdmin: 'org' } as const
type RoleName = keyof typeof ROLES

/**
 * Where the object acted on sits, seen from the callers: the caller themself or the whole
 * organisation, their own 党小组, another 党小组 of their 党支部, or another 党支部.
 */
type Place = 'self' | 'org' | 'own' | 'sameBranch' | 'otherBranch'

/** The objects at each place: a plain member, their group and branch, a code of that group, a group to move to. */
const AT = {
  own: { member: 't1', group: 'group-1', branch: 'branch-1', code: 'XXQGAAAA', moveTo: 'group-2' },
  sameBranch: { member: 't2', group: 'group-2', branch: 'branch-1', code: 'XXQGBBBB', moveTo: 'group-1' },
  otherBranch: { member: 't3', group: 'group-3', branch: 'branch-2', code: 'XXQGCCCC', moveTo: 'group-4' },
}
type Objects = (typeof AT)['own']

interface Row {
  fn: FunctionName
  what: string
  place: Place
  /** member leader branchAdmin orgAdmin: ✓ allowed (the call succeeds), ✗ FORBIDDEN. */
  expected: string
  input(at: Objects, caller: string): unknown
  /** State the call needs to succeed when allowed. */
  prepare?(cloud: TestCloud, at: Objects): Promise<void>
}

const row = (fn: FunctionName, what: string, place: Place, expected: string, input: Row['input'], prepare?: Row['prepare']): Row => ({
  fn,
  what,
  place,
  expected,
  input,
  prepare,
})

const setStatus = (id: string, status: string) => (cloud: TestCloud) =>
  cloud.db.collection(MEMBERS).doc(id).update({ data: { status } }).then(() => undefined)
const withContent = (cloud: TestCloud) => addContent(cloud.db)
/** Content members may read: the article published too. */
const withReading = async (cloud: TestCloud) => {
  await addContent(cloud.db)
  await cloud.db.collection('articles').doc('article-t').update({ data: { status: 'published', publishedOn: '2026-11-20' } })
}
const beat = (sessionId: string) => ({ kind: 'article', id: 'article-t', sessionId, seq: 1, mode: 'read', atEnd: false })
/** A reading session the member at the place started. */
const withSessionOf = async (cloud: TestCloud, at: Objects) => {
  await withReading(cloud)
  expect(await cloud.call(heartbeat, `wx-${at.member}`, beat(`session-of-${at.member}`))).toMatchObject({ ok: true })
}
const archiveGroupsOf = (cloud: TestCloud, at: Objects) =>
  cloud.db.collection(UNITS).where({ parentId: at.branch }).update({ data: { archived: true } }).then(() => undefined)

const MATRIX: Row[] = [
  //   function              what                      place          member leader bAdmin oAdmin
  row('getMe',              'own profile',            'self',        '✓ ✓ ✓ ✓', () => ({})),
  row('updateProfile',      'own profile',            'self',        '✓ ✓ ✓ ✓', () => ({ largeFont: true })),
  row('register',           'already registered',     'self',        '✓ ✓ ✓ ✓', (at, caller) => ({ name: caller, code: at.code })),
  row('checkIn',            'own check-in',           'self',        '✓ ✓ ✓ ✓', () => ({})),
  row('getCheckInSummary',  'own check-ins',          'self',        '✓ ✓ ✓ ✓', () => ({})),
  row('listArticles',       'published articles',     'org',         '✓ ✓ ✓ ✓', () => ({})),

  row('getGroup',           'a group',                'own',         '✓ ✓ ✓ ✓', (at) => ({ groupId: at.group })),
  row('getGroup',           'a group',                'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('getGroup',           'a group',                'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),

  row('listUnits',          'the tree in reach',      'org',         '✗ ✗ ✓ ✓', () => ({})),
  row('saveUnit',           'rename a group',         'own',         '✗ ✗ ✓ ✓', (at) => ({ id: at.group, kind: 'group', name: '新名字' })),
  row('saveUnit',           'rename a group',         'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ id: at.group, kind: 'group', name: '新名字' })),
  row('saveUnit',           'rename a group',         'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.group, kind: 'group', name: '新名字' })),
  row('saveUnit',           'create a group in',      'own',         '✗ ✗ ✓ ✓', (at) => ({ kind: 'group', name: '新党小组', parentId: at.branch })),
  row('saveUnit',           'create a group in',      'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ kind: 'group', name: '新党小组', parentId: at.branch })),
  row('saveUnit',           'rename a branch',        'own',         '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, kind: 'branch', name: '新支部' })),
  row('saveUnit',           'rename a branch',        'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, kind: 'branch', name: '新支部' })),
  row('saveUnit',           'create a branch',        'org',         '✗ ✗ ✗ ✓', () => ({ kind: 'branch', name: '新支部' })),
  row('archiveUnit',        'a group',                'own',         '✗ ✗ ✓ ✓', (at) => ({ id: at.group, archived: true })),
  row('archiveUnit',        'a group',                'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ id: at.group, archived: true })),
  row('archiveUnit',        'a group',                'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.group, archived: true })),
  row('archiveUnit',        'a branch',               'own',         '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, archived: true }), archiveGroupsOf),
  row('archiveUnit',        'a branch',               'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ id: at.branch, archived: true }), archiveGroupsOf),

  row('listMembers',        'everyone in reach',      'org',         '✗ ✗ ✓ ✓', () => ({})),
  row('listMembers',        'a group',                'own',         '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listMembers',        'a group',                'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listMembers',        'a group',                'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('listMembers',        'a branch',               'own',         '✗ ✗ ✓ ✓', (at) => ({ branchId: at.branch })),
  row('listMembers',        'a branch',               'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ branchId: at.branch })),
  row('preregisterMember',  'into a group',           'own',         '✗ ✗ ✓ ✓', (at) => ({ name: '预登记', phone: '13900000000', groupId: at.group })),
  row('preregisterMember',  'into a group',           'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ name: '预登记', phone: '13900000000', groupId: at.group })),
  row('preregisterMember',  'into a group',           'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ name: '预登记', phone: '13900000000', groupId: at.group })),
  row('moveMember',         'a member within branch', 'own',         '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, groupId: at.moveTo })),
  row('moveMember',         'a member within branch', 'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, groupId: at.moveTo })),
  row('moveMember',         'a member within branch', 'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, groupId: at.moveTo })),
  row('setRoles',           'grant 党小组长',          'own',         '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'leader'] })),
  row('setRoles',           'grant 党小组长',          'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'leader'] })),
  row('setRoles',           'grant 党小组长',          'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'leader'] })),
  row('setRoles',           'grant 支部管理员',        'own',         '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'branchAdmin'] })),
  row('setRoles',           'grant 支部管理员',        'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member, roles: ['member', 'branchAdmin'] })),
  row('setRoles',           'grant 支部管理员',        'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'branchAdmin'] })),
  row('setRoles',           'grant 组织管理员',        'own',         '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'orgAdmin'] })),
  row('setRoles',           'grant 组织管理员',        'sameBranch',  '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'orgAdmin'] })),
  row('setRoles',           'grant 组织管理员',        'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member, roles: ['member', 'orgAdmin'] })),
  row('deactivateMember',   'a member',               'own',         '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member })),
  row('deactivateMember',   'a member',               'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member })),
  row('deactivateMember',   'a member',               'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member })),
  row('reactivateMember',   'a member',               'own',         '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member }), (c, at) => setStatus(at.member, 'inactive')(c)),
  row('reactivateMember',   'a member',               'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ memberId: at.member }), (c, at) => setStatus(at.member, 'inactive')(c)),
  row('reactivateMember',   'a member',               'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ memberId: at.member }), (c, at) => setStatus(at.member, 'inactive')(c)),

  row('createInvitation',   'for a group',            'own',         '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('createInvitation',   'for a group',            'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('createInvitation',   'for a group',            'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('revokeInvitation',   'a group’s code',         'own',         '✗ ✗ ✓ ✓', (at) => ({ code: at.code })),
  row('revokeInvitation',   'a group’s code',         'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ code: at.code })),
  row('revokeInvitation',   'a group’s code',         'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ code: at.code })),
  row('listInvitations',    'codes in reach',         'org',         '✗ ✗ ✓ ✓', () => ({})),
  row('listInvitations',    'a group’s codes',        'own',         '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listInvitations',    'a group’s codes',        'sameBranch',  '✗ ✗ ✓ ✓', (at) => ({ groupId: at.group })),
  row('listInvitations',    'a group’s codes',        'otherBranch', '✗ ✗ ✗ ✓', (at) => ({ groupId: at.group })),
  row('listAudit',          'the log in reach',       'org',         '✗ ✗ ✓ ✓', () => ({})),

  row('getToday',           '今日学习',                'org',         '✓ ✓ ✓ ✓', () => ({})),
  row('listCategories',     'the categories',         'org',         '✓ ✓ ✓ ✓', () => ({})),
  row('recordSubscription', 'own grant',              'self',        '✓ ✓ ✓ ✓', () => ({ templateKey: 'dailyStudy', accepted: true })),
  row('getSubscriptions',   'own grants',             'self',        '✓ ✓ ✓ ✓', () => ({})),
  // Content is the whole organisation's: only its admins write it.
  row('saveArticle',        'create an article',      'org',         '✗ ✗ ✗ ✓', () => ({ title: '新文章', summary: '摘要', body: paragraphs('正文'), source: '编辑部', categoryId: 'politics' }), withContent),
  row('saveArticle',        'edit an article',        'org',         '✗ ✗ ✗ ✓', () => ({ id: 'article-t', title: '改标题', summary: '摘要', body: paragraphs('正文'), source: '编辑部', categoryId: 'politics' }), withContent),
  row('scheduleArticle',    'an article',             'org',         '✗ ✗ ✗ ✓', () => ({ id: 'article-t', day: '2026-11-30' }), withContent),
  row('retireArticle',      'an article',             'org',         '✗ ✗ ✗ ✓', () => ({ id: 'article-t' }), withContent),
  row('listContent',        'articles',               'org',         '✗ ✗ ✗ ✓', () => ({ kind: 'article' }), withContent),
  row('getContent',         'a book to edit',         'org',         '✗ ✗ ✗ ✓', () => ({ kind: 'book', id: 'book-t' }), withContent),
  row('saveBook',           'create a book',          'org',         '✗ ✗ ✗ ✓', () => ({ title: '新书', author: '作者', summary: '简介', categoryId: 'history' }), withContent),
  row('saveChapter',        'add a chapter',          'org',         '✗ ✗ ✗ ✓', () => ({ bookId: 'book-t', title: '新章', body: paragraphs('正文') }), withContent),
  row('setBookRequirement', 'required for a branch',  'own',         '✗ ✗ ✗ ✓', (at) => ({ bookId: 'book-t', year: 2026, branchIds: [at.branch] }), withContent),
  row('setRecommended',     'a book',                 'org',         '✗ ✗ ✗ ✓', () => ({ kind: 'book', id: 'book-t', recommended: true }), withContent),
  row('listOutbox',         'sends and editions',     'org',         '✗ ✗ ✗ ✓', () => ({ kind: 'notification' })),

  // Reading and study time: published content is everyone's; study time is the reader's own alone.
  row('heartbeat',          'own reading session',    'self',        '✓ ✓ ✓ ✓', () => beat('own-session-1'), withReading),
  row('heartbeat',          'a member’s session',     'own',         '✗ ✗ ✗ ✗', (at) => beat(`session-of-${at.member}`), withSessionOf),
  row('heartbeat',          'a member’s session',     'sameBranch',  '✗ ✗ ✗ ✗', (at) => beat(`session-of-${at.member}`), withSessionOf),
  row('heartbeat',          'a member’s session',     'otherBranch', '✗ ✗ ✗ ✗', (at) => beat(`session-of-${at.member}`), withSessionOf),
  row('getStudyRules',      'the rules in force',     'org',         '✓ ✓ ✓ ✓', () => ({})),
  row('getArticle',         'a published article',    'org',         '✓ ✓ ✓ ✓', () => ({ id: 'article-t' }), withReading),
  row('getChapter',         'a published chapter',    'org',         '✓ ✓ ✓ ✓', () => ({ id: 'book-t-c1' }), withReading),
  row('getBook',            'a published book',       'org',         '✓ ✓ ✓ ✓', () => ({ id: 'book-t' }), withReading),
  row('listLibrary',        'the library',            'org',         '✓ ✓ ✓ ✓', () => ({}), withReading),
  row('getContinueReading', 'own reading',            'self',        '✓ ✓ ✓ ✓', () => ({})),
  row('getMyStudy',         'own study record',       'self',        '✓ ✓ ✓ ✓', () => ({})),
]

async function world(): Promise<TestCloud> {
  const cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
  for (const at of Object.values(AT)) await cloud.addInvitation({ _id: at.code, groupId: at.group, branchId: at.branch })
  return cloud
}

const objectsAt = (place: Place): Objects => (place === 'self' || place === 'org' ? AT.own : AT[place])

describe('the matrix', () => {
  it('has rows for every function in the contract, and nothing else', () => {
    expect(new Set(MATRIX.map((r) => r.fn))).toEqual(new Set(Object.keys(contract)))
  })

  it('gives every row one expectation per role', () => {
    for (const r of MATRIX) expect(r.expected.split(' ')).toEqual([expect.stringMatching(/^[✓✗]$/), expect.any(String), expect.any(String), expect.any(String)])
  })
})

const cells = MATRIX.flatMap((r) =>
  (Object.keys(ROLES) as RoleName[]).map((role, i) => ({ ...r, role, allowed: r.expected.split(' ')[i] === '✓' })),
)

describe.each(cells.map((c) => [`${c.fn} · ${c.what} · ${c.place} · ${c.role} → ${c.allowed ? '✓' : '✗'}`, c] as const))(
  '%s',
  (_title, cell) => {
    it('answers as the matrix says', async () => {
      const cloud = await world()
      try {
        const at = objectsAt(cell.place)
        await cell.prepare?.(cloud, at)
        const caller = ROLES[cell.role]
        const result = await cloud.call(fnOf(cell.fn), `wx-${caller}`, cell.input(at, caller))
        if (cell.allowed) expect(result).toMatchObject({ ok: true })
        else expect(result).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/^你没有权限/) })
      } finally {
        await cloud.close()
      }
    })
  },
)

describe('callers without an active member record', () => {
  const firstRow = (fn: FunctionName) => MATRIX.find((r) => r.fn === fn)!
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await world()
    await cloud.addMember({ _id: 'left', openid: 'wx-left', status: 'inactive', roles: ['member', 'orgAdmin'] })
  })
  afterAll(() => cloud.close())

  it.each(Object.keys(contract) as FunctionName[])('%s: an unregistered WeChat user is told to register (register itself is open)', async (fn) => {
    const input = firstRow(fn).input(AT.own, '新来的')
    const result = await cloud.call(fnOf(fn), `wx-stranger-${fn}`, input)
    if (fn === 'register') expect(result).toMatchObject({ ok: true, data: { status: 'created' } })
    else expect(result).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  })

  it.each(Object.keys(contract) as FunctionName[])('%s: a deactivated member is refused, whatever roles they held', async (fn) => {
    const result = await cloud.call(fnOf(fn), 'wx-left', firstRow(fn).input(AT.own, 'left'))
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('停用') })
  })

  it('the dailyPush timer refuses any call made by a user, whatever their roles', async () => {
    for (const openid of ['wx-org', 'wx-m1', 'wx-left', 'wx-stranger']) {
      expect(await cloud.call(dailyPush, openid, {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  it.each(Object.keys(contract) as FunctionName[])('%s: no OPENID in the context is UNAUTHENTICATED', async (fn) => {
    expect(await cloud.call(fnOf(fn), undefined, firstRow(fn).input(AT.own, ''))).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })
})
