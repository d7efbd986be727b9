import { ROUTES, TAB_ROUTES } from './route-table';

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}

/** app.config.ts as Taro reads it (its `defineAppConfig` is a global Taro provides at build time). */
async function appConfig(): Promise<AppConfig> {
  Object.assign(globalThis, { defineAppConfig: (config: AppConfig) => config });
  return (await import('@/app.config')).default as AppConfig;
}

/** The page each entry of the table opens (a link builder called with sample arguments). */
function tablePages(): Map<string, string> {
  return new Map(
    Object.entries(ROUTES).map(([name, route]) => {
      const url = typeof route === 'string' ? route : (route as (...args: unknown[]) => string)('sample-id');
      return [name, url.split('?')[0]];
    }),
  );
}

describe('the route table', () => {
  it('names only pages app.config.ts declares, and every page it declares', async () => {
    const config = await appConfig();
    const declared = [
      ...config.pages.map((p) => `/${p}`),
      ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
    ];
    const pages = tablePages();
    const undeclared = [...pages].filter(([, page]) => !declared.includes(page)).map(([name]) => name);
    expect(undeclared).toEqual([]);
    const unreachable = declared.filter((page) => ![...pages.values()].includes(page));
    expect(unreachable).toEqual([]);
  });

  it('opens with switchTab exactly the tab bar pages', async () => {
    const config = await appConfig();
    const tabs = (config.tabBar?.list ?? []).map((t) => `/${t.pagePath}`);
    expect([...TAB_ROUTES].sort()).toEqual(tabs.sort());
  });

  it('builds links with their parameters encoded', () => {
    expect(ROUTES.pointsRecord('org 1', '第一支部')).toBe(
      `/packages/secretary/pages/points-record/index?orgId=org%201&orgName=${encodeURIComponent('第一支部')}`,
    );
    expect(ROUTES.pointsRanking('year')).toBe('/packages/member/pages/points-ranking/index?period=year');
    expect(ROUTES.pointsRanking()).toBe('/packages/member/pages/points-ranking/index');
    expect(ROUTES.memberEdit({ orgId: 'o1' })).toBe('/packages/secretary/pages/member-edit/index?orgId=o1');
  });
});
