/**
 * Names of the members the admin pages have shown, by id: the audit log records a member change
 * by id, and names the member from here.
 */
const names = new Map<string, string>()

export function rememberMembers(members: { _id: string; name: string }[]): void {
  for (const m of members) names.set(m._id, m.name)
}

export const memberName = (id: string): string | undefined => names.get(id)
