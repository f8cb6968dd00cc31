/**
 * @jest-environment jsdom
 *
 * The pages a 党小组长 (陈立新, 第一党小组) uses, built, over the seeded cloud.
 */
import { LEADER_PAGES } from './pages/leader'
import { testPages } from './pages/run'

testPages('member-01', LEADER_PAGES)
