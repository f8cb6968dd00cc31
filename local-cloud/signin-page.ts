import type { Member, Role, Unit } from '../types'
import type { CloudDatabase } from '../server/db/types'

/** Everything the local sign-in page shows. */
export interface SignInDirectory {
  units: Unit[]
  members: Member[]
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
  const [units, members] = await Promise.all([readAll<Unit>(db, 'units'), readAll<Member>(db, 'members')])
  return { units, members }
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
  current?: Member
  error?: string
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
        const list = dir.members.filter((m) => m.groupId === g._id).sort(byName)
        list.forEach((m) => placed.add(m._id))
        return groupSection(g.name, list)
      })
    return `<section class="branch"><h2>${escapeHtml(branch.name)}</h2>${groupSections.join('')}</section>`
  })
  const others = dir.members.filter((m) => !placed.has(m._id)).sort(byName)
  if (others.length) branchSections.push(`<section class="branch"><h2>其他成员</h2>${groupSection('未分组', others)}</section>`)

  const current = options.current
    ? `<div class="current">
        <p>当前登录：<strong>${escapeHtml(options.current.name)}</strong></p>
        <div class="actions">
          <a class="primary" href="${escapeHtml(options.next)}">进入学习圈</a>
          <form method="post" action="/local/signout"><button type="submit" class="secondary">退出登录</button></form>
        </div>
      </div>`
    : ''
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''
  const empty =
    dir.members.length === 0 ? '<p class="empty">数据库里还没有成员。删除数据目录后重新启动本地云，会自动写入演示数据。</p>' : ''

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
  <p class="lead">请选择一位成员登录：</p>
  ${empty}
  <form method="post" action="/local/signin">
    <input type="hidden" name="next" value="${escapeHtml(options.next)}">
    ${branchSections.join('\n')}
  </form>
</main>
<footer>本地云演示数据，仅供开发与演示使用</footer>
</body>
</html>`
}
