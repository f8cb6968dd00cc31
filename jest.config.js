/** All tests: `node` (logic, store, cloud functions, local cloud, browser) and `ui` (jsdom, weapp output). */
module.exports = {
  projects: ['<rootDir>/tests/jest.node.config.js', '<rootDir>/tests/jest.ui.config.js'],
  // Jest reads the timeout from here, not from a project. A local cloud seeds the demo (two weeks of
  // history, the quiz bank, an exam sat) before its suite starts: seconds, more on a busy 2-core runner.
  testTimeout: 30_000,
}
