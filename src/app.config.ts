import { palette } from './styles/palette';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/points/index',
    'pages/mine/index',
    'pages/declare/index',
    'pages/card/index',
    'pages/points/ranking/index',
  ],
  subPackages: [
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
      ],
    },
  ],
  window: {
    navigationBarBackgroundColor: palette.primary,
    navigationBarTitleText: '支部通',
    navigationBarTextStyle: 'white',
    backgroundColor: palette.page,
    backgroundTextStyle: 'dark',
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
  lazyCodeLoading: 'requiredComponents',
});
