import { defineConfig } from '@tarojs/cli'

// The same build settings as the app's, with nothing of its own: only Taro, React and two pages.
export default defineConfig<'webpack5'>({
  projectName: 'bare',
  designWidth: 750,
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  framework: 'react',
  compiler: 'webpack5',
  terser: { enable: true, config: { output: { ascii_only: false } } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
})
