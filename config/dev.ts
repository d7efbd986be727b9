import type { UserConfigExport } from '@tarojs/cli';
import { SitemapPlugin } from './sitemap';

export default {
  logger: { quiet: false, stats: true },
  mini: {
    webpackChain(chain) {
      chain.plugin('sitemap').use(SitemapPlugin);
    },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
