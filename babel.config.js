// Used by the Taro build (babel-loader). Jest uses its own inline config (tests/jest.ui.config.js).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
