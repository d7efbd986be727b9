import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // Fast refresh needs react-refresh and its webpack plugin, which are not installed.
    devServer: { hot: false },
  },
} satisfies UserConfigExport<'webpack5'>;
