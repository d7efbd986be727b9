import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { Input } from 'postcss';
import devConfig from './dev';
import prodConfig from './prod';

/** Which platform this build targets (`taro build --type weapp|h5`). */
const TARO_ENV = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

/**
 * The cloud environment id for `Taro.cloud.init`. Leave `ZHIBU_CLOUD_ENV` unset to use the
 * environment the mini-program is bound to in DevTools (`DYNAMIC_CURRENT_ENV`).
 */
const CLOUD_ENV = process.env.ZHIBU_CLOUD_ENV ?? '';

/** The only contract modules the app imports at run time (eslint.config.mjs keeps zod out of them). */
const contractLabels = path.resolve(__dirname, '..', 'contracts', 'labels');

/**
 * NutUI is designed at 375 px; the app's own styles at 750 (1px in SCSS = 1rpx). Taro also copies
 * this function's source into the weapp's app.js (for `Taro.pxTransform`), where no Babel helper
 * exists: keep it plain ES5 without `typeof`, spread or classes (tests/weapp checks that it runs).
 */
function designWidth(input?: string | number | Input): number {
  const file = input ? (input as { file?: string }).file : undefined;
  return file && file.replace(/\\+/g, '/').indexOf('@nutui') >= 0 ? 375 : 750;
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhibu',
    date: '2026-11-23',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    // dist/weapp gets its own project.config.json (cloudfunctionRoot relative to dist/weapp), so
    // DevTools can open either the repository root or dist/weapp.
    projectConfigName: 'config/project.weapp.json',
    sourceRoot: 'src',
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contracts': path.resolve(__dirname, '..', 'contracts'),
    },
    // ZHIBU_OUTPUT_ROOT: the weapp tests build into their own folder while others build dist/weapp.
    outputRoot: process.env.ZHIBU_OUTPUT_ROOT || `dist/${TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(CLOUD_ENV),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: {
      resource: [path.resolve(__dirname, '..', 'src/styles/_tokens.scss')],
    },
    mini: {
      // The zod-free contract modules (contracts/labels/*) are compiled into the app like src/.
      compile: { include: [contractLabels] },
      // Component styles use distinct class names, so their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // Prefixes only for what renders a mini-program: iOS's WebKit (WKWebView) and Android's
        // Chromium-based XWeb (X5's Chrome 57 before it). package.json's browserslist (iOS 8,
        // Android 4.1, IE's flexbox) cost the main package 24 KB of -webkit-/-ms- duplicates.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 9', 'Chrome >= 57'] } },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [contractLabels] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // rem grows with the screen up to phablet size; on a desktop the app keeps a phone-like
        // column (see app.scss) instead of doubling every size.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
