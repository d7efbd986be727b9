import { CloudBackend } from './support/backend';
import { IDENTITIES, WHO, type Who } from './support/identities';
import { allPages, appJson, pageJson, Weapp } from './support/weapp';

/**
 * Every page of the build (read from its app.json: main package and subpackages, so a new page is
 * covered without a change here) opened as each kind of user: onLoad, onShow and onReady run, the
 * data settles, the page shows its Chinese text (what it is for, or its refusal for someone who may
 * not use it), and nothing goes wrong (no console.error, no exception, no API WeChat lacks).
 */

const CJK = /[\u4e00-\u9fff]/;

/**
 * A page by what it is, whichever package it is in: `activity`, `points-ranking` (the main package
 * or a member subpackage), `secretary:activity` (the secretary's subpackage), `admin:setup`.
 */
function pageKey(route: string): string {
  const match = /^(?:packages\/([^/]+)\/)?pages\/(.+)\/index$/.exec(route);
  if (!match) return route;
  const [, pkg, name] = match;
  const key = name.replace(/\//g, '-');
  return pkg && pkg !== 'member' ? `${pkg}:${key}` : key;
}

/** The query each page needs (ids from the demo data, host/demo/seed.ts). */
const QUERY: Record<string, Record<string, string>> = {
  activity: { id: 'act-demo-now' },
  lecture: { id: 'lecture-1' },
  'secretary:member': { id: 'member-003' },
  'secretary:member-edit': { id: 'member-003' },
  'secretary:activity': { id: 'act-demo-now' },
  'secretary:activity-edit': { orgId: 'org-branch-1' },
  'secretary:activity-screen': { id: 'act-demo-now' },
  'secretary:points-record': { orgId: 'org-branch-1' },
};

type Expected = Partial<Record<Who | 'others', string>>;
const refusedTo = (whom: Who[], refusal: string, others: string): Expected =>
  Object.assign({ others }, ...whom.map((w) => ({ [w]: refusal })));
const VISITORS_AND_MEMBERS: Who[] = ['visitor', 'member'];
const BELOW_ADMIN: Who[] = ['visitor', 'member', 'officer', 'secretary'];

/**
 * What each page shows to each user: its key label, or its refusal. A page not listed here (a new
 * one) is still opened for everyone and must show some Chinese text and no error.
 */
const EXPECTED: Record<string, Expected> = {
  index: {
    visitor: '亮明身份，争做先锋',
    member: '陈秀英同志，您好',
    officer: '王志强同志，您好',
    secretary: '李红梅同志，您好',
    admin: '周建国同志，您好',
  },
  points: { visitor: '亮身份后查看积分', others: '年度积分' },
  mine: { visitor: '未亮身份', others: '已亮身份' },
  declare: { visitor: '敏感个人信息单独同意', others: '您已亮明党员身份' },
  card: { visitor: '还没有身份卡', others: '我是共产党员' },
  'points-ranking': { visitor: '亮身份后查看名次', others: '净分' },
  activities: { visitor: '亮身份后查看活动', others: '即将开始' },
  activity: { visitor: '亮身份后查看活动', others: '第四季度支部党员大会' },
  checkin: { others: '对准书记出示的签到码扫一扫' },
  study: { visitor: '亮身份后学习微党课', others: '党章学习第一课' },
  lecture: { visitor: '亮身份后学习微党课', others: '党章学习第一课：党的性质和宗旨' },
  'my-data': { visitor: '尚未绑定党员名册', others: '这里列出支部通保存的关于您的全部信息' },
  'secretary:workbench': {
    visitor: '您暂无管理权限',
    member: '您暂无管理权限',
    officer: '第一党支部支委',
    secretary: '第一党支部书记',
    admin: '示范党委管理员',
  },
  'secretary:review': refusedTo(['visitor', 'member', 'officer'], '只有书记或管理员可以审核亮身份申报', '杨帆'),
  'secretary:roster': refusedTo(VISITORS_AND_MEMBERS, '没有可管理的支部', '共 18 人'),
  'secretary:member': refusedTo(VISITORS_AND_MEMBERS, '没有权限执行此操作', '第一党支部 · 第一党小组'),
  'secretary:member-edit': {
    ...refusedTo(VISITORS_AND_MEMBERS, '没有权限执行此操作', '保存修改'),
    officer: '您不能修改该党员的信息',
  },
  'secretary:points': refusedTo(VISITORS_AND_MEMBERS, '没有可管理的支部', '积分明细'),
  'secretary:points-record': refusedTo(VISITORS_AND_MEMBERS, '没有权限执行此操作', '积分项目'),
  'secretary:points-admin': refusedTo(BELOW_ADMIN, '只有党委管理员可以查看支部排名', '支部积分排名'),
  'secretary:points-rules': refusedTo(BELOW_ADMIN, '只有党委管理员可以修改积分规则', '加分项'),
  'secretary:self-awards': refusedTo(BELOW_ADMIN, '只有党委管理员可以查看自我加分记录', '自我加分复核'),
  'secretary:activities': refusedTo(VISITORS_AND_MEMBERS, '没有可管理的支部', '共 3 场'),
  'secretary:activity-edit': refusedTo(VISITORS_AND_MEMBERS, '没有权限执行此操作', '活动标题'),
  'secretary:activity': {
    visitor: '活动不存在',
    member: '没有权限执行此操作',
    // The link code's URL is offered to copy, not printed.
    others: '复制签到链接',
  },
  'secretary:activity-screen': {
    visitor: '活动不存在',
    member: '没有权限执行此操作',
    others: '请使用微信扫码签到',
  },
  'secretary:study': refusedTo(VISITORS_AND_MEMBERS, '没有可查看的支部', '完成率'),
  'secretary:lecture-publish': refusedTo(['visitor', 'member', 'officer'], '没有发布权限', '发布新课程'),
  'secretary:develop': refusedTo(VISITORS_AND_MEMBERS, '没有可查看的支部', '暂无培养发展对象'),
  'secretary:develop-file': { others: '请先选择档案' },
  notices: { visitor: '亮身份后接收消息', others: '暂无消息' },
  'secretary:tasks': refusedTo(['visitor', 'member', 'officer'], '仅支部书记可用', '暂无任务'),
  'admin:tasks': refusedTo(BELOW_ADMIN, '仅党委管理员可用', '各支部完成情况'),
  'admin:develop-steps': refusedTo(BELOW_ADMIN, '仅党委管理员可用', '预备党员的接收'),
  'admin:setup': { others: '支部通已完成初始化' },
  'admin:orgs': refusedTo(BELOW_ADMIN, '没有管理组织架构的权限', '示范党委'),
  'admin:roles': refusedTo(BELOW_ADMIN, '没有可任命职务的组织', '现任职务'),
  'admin:audit': refusedTo(BELOW_ADMIN, '没有查看操作日志的权限', '操作人'),
  'admin:transfer': refusedTo(BELOW_ADMIN, '没有办理转接的权限', '选择党员'),
  // The refusal reads as if there were no branch at all (a wording defect, reported).
  'admin:invite': refusedTo(BELOW_ADMIN, '没有可邀请的党支部', '发送邀请到微信群'),
};

const pages = allPages();
const backend = CloudBackend.create();
const apps = new Map<Who, Promise<Weapp>>();
/** One running app per user, as someone who opens page after page. */
const appOf = (who: Who) => {
  if (!apps.has(who))
    apps.set(
      who,
      backend.then((b) => Weapp.launch({ backend: b, openid: IDENTITIES[who] })),
    );
  return apps.get(who) as Promise<Weapp>;
};

afterAll(async () => {
  for (const app of apps.values()) await (await app).close();
  await (await backend).close();
});

it('covers every page of app.json, main package and subpackages', () => {
  const json = appJson();
  expect(pages.length).toBe(json.pages.length + (json.subPackages ?? []).reduce((n, p) => n + p.pages.length, 0));
  expect(pages.filter((p) => p.startsWith('packages/')).length).toBeGreaterThan(0);
  // Every page listed in EXPECTED still exists (a renamed page is not silently skipped).
  const keys = new Set(pages.map(pageKey));
  expect(Object.keys(EXPECTED).filter((k) => !keys.has(k))).toEqual([]);
});

describe.each(pages)('%s', (route) => {
  const key = pageKey(route);

  it('has a Chinese navigation title', () => {
    const title = pageJson(route).navigationBarTitleText ?? appJson().window;
    expect(String(typeof title === 'string' ? title : '支部通')).toMatch(CJK);
  });

  for (const who of WHO) {
    it(`renders for the ${who}`, async () => {
      const app = await appOf(who);
      app.errors.length = 0;
      app.warnings.length = 0;
      const page = await app.open(route, QUERY[key] ?? {});
      expect(page.route).toBe(route);
      const text = page.text();
      expect(text).toMatch(CJK);
      const expected = EXPECTED[key]?.[who] ?? EXPECTED[key]?.others;
      if (expected) expect(text).toContain(expected);
      expect(app.problems()).toEqual([]);
    });
  }
});
