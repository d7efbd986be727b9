import path from 'node:path';
import type { UserConfigExport } from '@tarojs/cli';
import { SitemapPlugin } from './sitemap';

export default {
  mini: {
    webpackChain(chain) {
      chain.plugin('sitemap').use(SitemapPlugin);
      chain.module
        .rule('nutui-unused-fonts')
        .test(/@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/]default\.css$/)
        .enforce('pre')
        .use('drop-unused-fonts')
        .loader(path.resolve(__dirname, 'drop-unused-fonts-loader.js'));
    },
  },
  h5: {
    // The H5 build is served by the local host on a LAN; keep chunks modest but do not nag
    // about the lazily loaded hls.js chunk that Taro's <Video> brings along.
    webpackChain(chain) {
      chain.performance.hints(false);
    },
  },
} satisfies UserConfigExport<'webpack5'>;
