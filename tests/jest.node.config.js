const path = require('node:path')

module.exports = {
  displayName: 'node',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/{unit,store,functions,local-cloud}/**/*.test.ts'],
  // Asia/Shanghai rules must hold whatever the server's zone: run far from it.
  // Built output repeats the sources' package names; tests read it from disk, never require it.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  transform: {
    '^.+\\.[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
}
