const path = require('node:path')

/** Packages shipped as untranspiled ES modules that the UI tests load. */
const esm = ['\\.pnpm', '@tarojs', '@stencil', 'tslib', 'classnames', 'lodash-es', 'swiper', 'ssr-window', 'dom7', 'hammerjs', 'resolve-pathname', 'hls.js']

module.exports = {
  displayName: 'ui',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/{ui,weapp}/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/tests/support/ui-globals.js'],
  // The deployable functions repeat their sources' package names; nothing here loads them.
  modulePathIgnorePatterns: ['<rootDir>/dist/cloudfunctions/'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/tests/support/taro-double.ts',
    '\\.(css|scss)$': '<rootDir>/tests/support/style-double.js',
  },
  // The built mini-program runs as built.
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`, '<rootDir>/dist/'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], ['@babel/preset-react', { runtime: 'automatic' }], '@babel/preset-typescript'],
      },
    ],
  },
}
