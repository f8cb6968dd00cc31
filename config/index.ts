import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const root = path.resolve(__dirname, '..')
/** The shared contract lives outside `src/` and must be transpiled with the app. */
const sharedTypes = path.join(root, 'types')

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'xuexiquan',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // '' means the default cloud environment of the mini-program.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // The mini-program reads texts aloud on the phone with WeChat's 同声传译 plugin (WECHAT_SI=1 at build).
      WECHAT_SI: JSON.stringify(process.env.WECHAT_SI === '1'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Taro writes the mini-program's templates once per nesting level (16 by default, ~2.7 KiB each
    // in the main package); deeper nodes render through its `comp` component. Ten levels hold every
    // page (the weapp page tests, which see no `comp`, fail when a page nests deeper) and keep the
    // main package within 1.6× a bare app.
    baseLevel: 10,
    // Taro's minifier writes every non-ASCII character as \uXXXX (six bytes); the mini-program's files
    // are UTF-8, where a Chinese character of the UI's text takes three.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [sharedTypes] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedTypes] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Pages load lazily; code two pages share (the cloud adapter, zod) goes in one chunk
        // instead of being copied into each page's chunk.
        chain.performance.hints(false)
        const splitChunks = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            shared: { chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return config
})
