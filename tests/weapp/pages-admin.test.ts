/**
 * @jest-environment jsdom
 *
 * The 组织管理 and 季度通报 pages, as the organisation's admin (张文博), built, over the seeded cloud.
 */
import { ADMIN_PAGES } from './pages/admin'
import { testPages } from './pages/run'

testPages('member-03', ADMIN_PAGES)
