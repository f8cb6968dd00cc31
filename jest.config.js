/** All tests: `node` (logic, store, cloud functions, local cloud, browser) and `ui` (jsdom, weapp output). */
module.exports = {
  projects: ['<rootDir>/tests/jest.node.config.js', '<rootDir>/tests/jest.ui.config.js'],
}
