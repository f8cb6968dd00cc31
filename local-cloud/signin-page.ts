import type { Role, Unit } from '../types'
import type { Member } from '../server/members'
import type { CloudDatabase } from '../server/db/types'
import { INVITATIONS, stateOf, type InvitationDoc } from '../server/invitations'

/** Everything the local sign-in page shows. */
export interface SignInDirectory {
  units: Unit[]
  members: Member[]
  invitations: InvitationDoc[]
}

const PAGE_SIZE = 100

async function readAll<T>(db: CloudDatabase, collection: string): Promise<T[]> {
  const all: T[] = []
  for (;;) {
    const { data } = await db.collection(collection).orderBy('_id', 'asc').skip(all.length).limit(PAGE_SIZE).get()
    all.push(...(data as T[]))
    if (data.length < PAGE_SIZE) return all
  }
}

export async function loadDirectory(db: CloudDatabase): Promise<SignInDirectory> {
  const [units, members, invitations] = await Promise.all([readAll<Unit>(db, 'units'), readAll<Member>(db, 'members'), readAll<InvitationDoc>(db, INVITATIONS)])
  return { units, members, invitations }
}

const BADGES: Partial<Record<Role, { text: string; cls: string }>> = {
  leader: { text: '党小组长', cls: 'leader' },
  branchAdmin: { text: '支部管理员', cls: 'admin' },
  orgAdmin: { text: '管理员', cls: 'admin' },
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

interface PageOptions {
  next: string
  /** The signed-in member, or `newUser` for a signed-in WeChat user with no member record. */
  current?: Member | 'newUser'
  error?: string
  /** For invitation states. */
  now: Date
  /** Signing in needs the passphrase (the local cloud listens beyond this machine). */
  askPassphrase?: boolean
}

const STATE_TEXT = { active: '可用', expired: '已过期', usedUp: '次数已满', revoked: '已作废' } as const

/** The codes a newcomer can try on the registration page, usable ones first. */
function invitationList(dir: SignInDirectory, now: Date): string {
  if (dir.invitations.length === 0) return ''
  const groupName = (id: string) => dir.units.find((u) => u._id === id)?.name ?? id
  const rows = dir.invitations
    .map((inv) => ({ inv, state: stateOf(inv, now) }))
    .sort((a, b) => Number(b.state === 'active') - Number(a.state === 'active'))
    .slice(0, 12)
    .map(
      ({ inv, state }) =>
        `<li><code>${escapeHtml(inv._id)}</code> ${escapeHtml(groupName(inv.groupId))}` +
        `<small>（${STATE_TEXT[state]}，已用 ${inv.uses}/${inv.maxUses}）</small></li>`,
    )
  return `<ul class="codes">${rows.join('')}</ul>`
}

/** 预登记 records nobody has claimed yet: registering with that name and a code of that group claims one. */
function pendingList(dir: SignInDirectory): string {
  const pending = dir.members.filter((m) => m.status === 'pending' && !m.openid)
  if (pending.length === 0) return ''
  const groupName = (id: string) => dir.units.find((u) => u._id === id)?.name ?? id
  const names = pending.map((m) => `<strong>${escapeHtml(m.name)}</strong>（${escapeHtml(groupName(m.groupId))}）`)
  return `<p>已预登记、待认领：${names.join('、')}。用这个姓名和同一党小组的邀请码注册，就会认领这条记录。</p>`
}

/** "A new WeChat user": a fresh OPENID with no member record, to try 实名注册. */
/** When the local cloud listens beyond this machine, signing in asks for the passphrase it was started with. */
const passphraseField = (options: PageOptions) =>
  options.askPassphrase ? '<label class="passphrase">登录口令 <input type="password" name="passphrase" required autocomplete="current-password"></label>' : ''

function newUserSection(dir: SignInDirectory, options: PageOptions): string {
  return `<form method="post" action="/local/signin" class="newcomer">
    <input type="hidden" name="next" value="${escapeHtml(options.next)}">
    ${passphraseField(options)}
    <h2>体验实名注册</h2>
    <p>以<strong>一个新的微信用户</strong>登录（随机的新 OPENID，没有成员记录），进入学习圈后按提示实名注册。</p>
    <p>演示邀请码：</p>
    ${invitationList(dir, options.now)}
    ${pendingList(dir)}
    <button type="submit" name="newUser" value="1" class="primary">一个新的微信用户</button>
  </form>`
}

function memberButton(m: Member): string {
  const badges = m.roles
    .map((r) => BADGES[r])
    .filter((b): b is { text: string; cls: string } => b !== undefined)
    .map((b) => `<span class="badge ${b.cls}">${escapeHtml(b.text)}</span>`)
  if (m.status !== 'active') badges.push('<span class="badge off">已停用</span>')
  return `<li><button type="submit" name="memberId" value="${escapeHtml(m._id)}" class="member${m.status !== 'active' ? ' inactive' : ''}">
      <span class="name">${escapeHtml(m.name)}</span>${badges.length ? `<span class="badges">${badges.join('')}</span>` : ''}
    </button></li>`
}

function groupSection(title: string, list: Member[]): string {
  if (list.length === 0) return ''
  return `<section class="group">
    <h3>${escapeHtml(title)}<small>${list.length} 人</small></h3>
    <ul class="members">${list.map(memberButton).join('')}</ul>
  </section>`
}

/** The local demo sign-in page: members grouped by 党支部 and 党小组. */
export function renderSignInPage(dir: SignInDirectory, options: PageOptions): string {
  const byName = (a: Member, b: Member) => a._id.localeCompare(b._id)
  const committee = dir.units.find((u) => u.kind === 'committee')
  const branches = dir.units.filter((u) => u.kind === 'branch').sort((a, b) => a._id.localeCompare(b._id))
  const groups = dir.units.filter((u) => u.kind === 'group').sort((a, b) => a._id.localeCompare(b._id))
  const placed = new Set<string>()

  const branchSections = branches.map((branch) => {
    const groupSections = groups
      .filter((g) => g.parentId === branch._id)
      .map((g) => {
        // Only records bound to a WeChat user can sign in; pre-registered ones are listed for claiming.
        const list = dir.members.filter((m) => m.groupId === g._id && m.openid).sort(byName)
        list.forEach((m) => placed.add(m._id))
        return groupSection(g.name, list)
      })
    return `<section class="branch"><h2>${escapeHtml(branch.name)}</h2>${groupSections.join('')}</section>`
  })
  const others = dir.members.filter((m) => m.openid && !placed.has(m._id)).sort(byName)
  if (others.length) branchSections.push(`<section class="branch"><h2>其他成员</h2>${groupSection('未分组', others)}</section>`)

  const currentName = options.current === 'newUser' ? '一个新的微信用户（尚未注册）' : options.current?.name
  const current = currentName
    ? `<div class="current">
        <p>当前登录：<strong>${escapeHtml(currentName)}</strong></p>
        <div class="actions">
          <a class="primary" href="${escapeHtml(options.next)}">进入学习圈</a>
          <form method="post" action="/local/signout"><button type="submit" class="secondary">退出登录</button></form>
        </div>
      </div>`
    : ''
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''
  const empty = dir.members.length === 0 ? '<p class="empty">数据库里还没有成员。删除数据目录后重新启动本地云，会自动写入演示数据。</p>' : ''

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>本地演示登录 · 学习圈</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
    font-size: 18px; line-height: 1.6; color: #1f1f1f; background: #f6f3ef; }
  header { background: #c8161d; color: #fff; padding: 28px 20px 22px; }
  header h1 { margin: 0; font-size: 28px; letter-spacing: 1px; }
  header p { margin: 6px 0 0; font-size: 17px; opacity: .92; }
  main { max-width: 720px; margin: 0 auto; padding: 16px 16px 48px; }
  .notice { background: #fff7e0; border: 1px solid #f0d48a; border-radius: 12px; padding: 14px 16px; margin: 0 0 16px; font-size: 17px; }
  .notice strong { color: #9a5b00; }
  .current { background: #fff; border-radius: 12px; padding: 14px 16px; margin-bottom: 16px; box-shadow: 0 1px 3px rgba(0,0,0,.06); }
  .current p { margin: 0 0 10px; }
  .actions { display: flex; gap: 12px; flex-wrap: wrap; }
  .actions form { margin: 0; }
  .primary, .secondary { display: inline-block; min-height: 48px; padding: 10px 22px; border-radius: 24px; font-size: 18px; text-decoration: none; border: 0; cursor: pointer; }
  .primary { background: #c8161d; color: #fff; }
  .secondary { background: #eee; color: #333; }
  .error { background: #fdecec; color: #a40f15; border-radius: 12px; padding: 12px 16px; }
  .empty { color: #666; }
  .lead { margin: 4px 0 16px; color: #555; }
  .branch { margin-top: 24px; }
  .branch h2 { font-size: 22px; margin: 0 0 8px; padding-left: 10px; border-left: 5px solid #c8161d; }
  .group h3 { font-size: 19px; margin: 14px 0 8px; color: #444; }
  .group h3 small { font-size: 15px; color: #888; font-weight: normal; margin-left: 8px; }
  .members { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
  .members li { display: flex; }
  .member { width: 100%; min-height: 72px; padding: 10px 12px; text-align: left; background: #fff; border: 1px solid #e4ddd4;
    border-radius: 12px; font: inherit; color: inherit; cursor: pointer; display: flex; flex-direction: column; justify-content: center; gap: 4px; }
  .member:hover, .member:focus-visible { border-color: #c8161d; outline: none; box-shadow: 0 0 0 3px rgba(200,22,29,.15); }
  .member .name { font-size: 20px; font-weight: 600; }
  .member.inactive .name { color: #999; }
  .badges { display: flex; flex-wrap: wrap; gap: 4px; }
  .badge { font-size: 13px; line-height: 1.5; padding: 1px 8px; border-radius: 10px; }
  .badge.leader { background: #fdecec; color: #a40f15; }
  .badge.admin { background: #e8f0fe; color: #1a4fa0; }
  .badge.off { background: #eee; color: #777; }
  .newcomer { margin: 0 0 20px; background: #fff; border-radius: 12px; padding: 14px 16px 18px; border: 1px dashed #c8161d; }
  .newcomer h2 { font-size: 22px; margin: 0 0 8px; }
  .newcomer p { margin: 6px 0; }
  .codes { margin: 4px 0 10px; padding-left: 20px; }
  .codes code { font-size: 19px; font-weight: 600; letter-spacing: 1px; }
  .codes small { color: #777; font-size: 15px; }
  .passphrase { display: block; margin: 8px 0 12px; }
  .passphrase input { font-size: 18px; padding: 8px 12px; border-radius: 8px; border: 1px solid #ccc; }
  footer { text-align: center; color: #999; font-size: 14px; padding: 0 16px 32px; }
</style>
</head>
<body>
<header>
  <h1>学习圈 · 本地演示登录</h1>
  <p>${escapeHtml(committee?.name ?? '演示组织')}</p>
</header>
<main>
  <p class="notice"><strong>本地演示登录</strong>：这个页面只存在于本机运行的本地云，用来以演示成员的身份体验学习圈。正式小程序通过微信身份自动识别成员，不会出现此页面。</p>
  ${error}
  ${current}
  ${newUserSection(dir, options)}
  <p class="lead">或选择一位成员登录：</p>
  ${empty}
  <form method="post" action="/local/signin">
    <input type="hidden" name="next" value="${escapeHtml(options.next)}">
    ${passphraseField(options)}
    ${branchSections.join('\n')}
  </form>
</main>
<footer>本地云演示数据，仅供开发与演示使用</footer>
</body>
</html>`
}
