const node = require('./jest.node.config')

/** Chromium on the built H5 app against a local cloud: each file drives real page timing, so they run one at a time. */
module.exports = {
  ...node,
  displayName: 'browser',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
}
