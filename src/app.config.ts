import { palette } from './styles/palette';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/points/index',
    'pages/mine/index',
    'pages/activity/index',
    'pages/checkin/index',
    'pages/study/index',
  ],
  subPackages: [
    {
      // A member's pages not needed for the first screen or a scan to sign in (亮身份, 身份卡, 我的数据,
      // 我的名次, 我的活动, a lecture): out of the main package, which every launch downloads first.
      root: 'packages/member',
      pages: [
        'pages/declare/index',
        'pages/card/index',
        'pages/my-data/index',
        'pages/points-ranking/index',
        'pages/activities/index',
        'pages/lecture/index',
        'pages/notices/index',
      ],
    },
    {
      // Everything a secretary or admin uses; members never download it.
      root: 'packages/secretary',
      pages: [
        'pages/workbench/index',
        'pages/review/index',
        'pages/roster/index',
        'pages/member/index',
        'pages/member-edit/index',
        'pages/points/index',
        'pages/points-record/index',
        'pages/points-admin/index',
        'pages/points-rules/index',
        'pages/self-awards/index',
        'pages/activities/index',
        'pages/activity-edit/index',
        'pages/activity/index',
        'pages/activity-screen/index',
        'pages/study/index',
        'pages/lecture-publish/index',
        'pages/tasks/index',
        'pages/develop/index',
        'pages/develop-file/index',
      ],
    },
    {
      // The committee admin's pages (初始化, 组织架构, 人员任职, 操作日志).
      root: 'packages/admin',
      pages: [
        'pages/setup/index',
        'pages/orgs/index',
        'pages/roles/index',
        'pages/audit/index',
        'pages/transfer/index',
        'pages/invite/index',
        'pages/overview/index',
        'pages/tasks/index',
        'pages/rating/index',
        'pages/employers/index',
        'pages/develop-steps/index',
      ],
    },
  ],
  window: {
    navigationBarBackgroundColor: palette.primary,
    navigationBarTitleText: '支部通',
    navigationBarTextStyle: 'white',
    backgroundColor: palette.page,
    backgroundTextStyle: 'dark',
    // WeChat draws its own bar; Taro's H5 router draws one (title, back or home) only when asked.
    // Set for H5 alone so that app.json stays as it was (src/index.html styles the bar).
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {}),
  },
  tabBar: {
    color: palette.textMuted,
    selectedColor: palette.primary,
    backgroundColor: palette.card,
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tabbar/study.png',
        selectedIconPath: 'assets/tabbar/study-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tabbar/points.png',
        selectedIconPath: 'assets/tabbar/points-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  // 我的 links to most pages of packages/member and 学习 to its lectures: fetch it while the member
  // looks at either tab.
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['packages/member'] },
    'pages/study/index': { network: 'all', packages: ['packages/member'] },
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat's current component styles (src/app.scss keeps NutUI's button widths under them).
  style: 'v2',
  // Written by config/sitemap.ts: only the home page may be indexed by WeChat's search.
  sitemapLocation: 'sitemap.json',
  // Sign-in at an activity with a place checks that the member is there.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于在活动现场签到时确认您在签到范围内' },
  },
  // Location, files from chats and the album wait for the app's privacy notice (PrivacyPopup).
  __usePrivacyCheck__: true,
});
