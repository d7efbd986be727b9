import type { Compiler } from 'webpack';

/**
 * The mini-program's sitemap.json (app.config.ts: `sitemapLocation`), which tells WeChat's search
 * which pages it may index. Every page but the home page shows a member's or a branch's own data
 * behind sign-in, so only the home page is offered; rules match in order.
 */
export const SITEMAP = {
  desc: '支部通的页面均需登录且只含本人或本支部数据，仅首页允许被微信搜索索引',
  rules: [
    { action: 'allow', page: 'pages/index/index' },
    { action: 'disallow', page: '*' },
  ],
} as const;

/** Writes sitemap.json next to app.json in the mini-program build (Taro has no option for it). */
export class SitemapPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SitemapPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SitemapPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset('sitemap.json', new sources.RawSource(`${JSON.stringify(SITEMAP, null, 2)}\n`)),
      );
    });
  }
}
