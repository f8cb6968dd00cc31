/** Page paths, as `Taro.navigateTo` and friends take them. */
export const ROUTES = {
  home: '/pages/index/index',
  group: '/pages/group/index',
  me: '/pages/me/index',
  register: '/pages/register/index',
  admin: '/packageAdmin/pages/index/index',
  adminUnits: '/packageAdmin/pages/units/index',
  adminMembers: '/packageAdmin/pages/members/index',
  adminMember: '/packageAdmin/pages/member/index',
  adminPreregister: '/packageAdmin/pages/preregister/index',
  adminInvitations: '/packageAdmin/pages/invitations/index',
  adminAudit: '/packageAdmin/pages/audit/index',
} as const

/** A path with query parameters, each encoded. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** A query value as given to the page (some platforms hand it over still encoded). */
export function queryValue(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
