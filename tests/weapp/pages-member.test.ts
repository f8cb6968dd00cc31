/**
 * @jest-environment jsdom
 *
 * The pages a member (孙浩然, 第一党小组) uses, built, over the seeded cloud; and the check that every
 * page of app.json has a case in one of the pages-*.test.ts files.
 */
import { ADMIN_PAGES } from './pages/admin'
import { LEADER_PAGES } from './pages/leader'
import { MEMBER_PAGES } from './pages/member'
import { builtRoutes, testPages } from './pages/run'

test('every page of the built app.json has a case', () => {
  const cased = [...Object.keys(MEMBER_PAGES), ...Object.keys(LEADER_PAGES), ...Object.keys(ADMIN_PAGES)]
  expect([...new Set(cased)].sort()).toEqual(builtRoutes().sort())
})

testPages('member-05', MEMBER_PAGES)
