/**
 * All tests: `node` (logic, store, cloud functions, local cloud), `ui` (jsdom, weapp output) and
 * `browser` (Chromium on the H5 build). `npm test` runs the first two on every core, then the browser
 * files one at a time: their steps move the page's and the server's clocks together, and a suite
 * running beside them on a 2-core runner would slow the page between steps.
 */
module.exports = {
  projects: ['<rootDir>/tests/jest.node.config.js', '<rootDir>/tests/jest.ui.config.js', '<rootDir>/tests/jest.browser.config.js'],
  // Jest reads the timeout from here, not from a project. A local cloud seeds the demo (two weeks of
  // history, the quiz bank, an exam sat) before its suite starts: seconds, more on a busy 2-core runner.
  testTimeout: 30_000,
}
