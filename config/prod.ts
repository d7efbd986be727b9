import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {
    // The H5 build is served by the local host on a LAN; keep chunks modest but do not nag
    // about the lazily loaded hls.js chunk that Taro's <Video> brings along.
    webpackChain(chain) {
      chain.performance.hints(false);
    },
  },
} satisfies UserConfigExport<'webpack5'>;
