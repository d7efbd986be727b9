import type { UserConfigExport } from '@tarojs/cli';
import { NutuiSlimPlugin } from './nutui-slim';
import { SitemapPlugin } from './sitemap';

export default {
  mini: {
    webpackChain(chain) {
      chain.plugin('sitemap').use(SitemapPlugin);
      chain.plugin('nutui-slim').use(NutuiSlimPlugin);
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
