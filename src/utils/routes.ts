import Taro from '@tarojs/taro';
import { POINTS_ROUTES } from '@/features/points/model/points';

const query = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export const ROUTES = {
  home: '/pages/index/index',
  declare: '/pages/declare/index',
  card: '/pages/card/index',
  mine: '/pages/mine/index',
  myData: '/pages/my-data/index',
  workbench: '/packages/secretary/pages/workbench/index',
  review: '/packages/secretary/pages/review/index',
  roster: '/packages/secretary/pages/roster/index',
  member: (id: string) => `/packages/secretary/pages/member/index${query({ id })}`,
  memberEdit: (params: { id?: string; orgId?: string }) =>
    `/packages/secretary/pages/member-edit/index${query(params)}`,
  // Activities: the member's pages are in the main package (sign-in must open fast from a scan).
  activities: '/pages/activities/index',
  activity: (id: string) => `/pages/activity/index${query({ id })}`,
  checkin: (token?: string) => `/pages/checkin/index${query({ t: token })}`,
  manageActivities: (orgId?: string) => `/packages/secretary/pages/activities/index${query({ orgId })}`,
  activityEdit: (params: { id?: string; orgId?: string }) =>
    `/packages/secretary/pages/activity-edit/index${query(params)}`,
  manageActivity: (id: string) => `/packages/secretary/pages/activity/index${query({ id })}`,
  activityScreen: (id: string) => `/packages/secretary/pages/activity-screen/index${query({ id })}`,
  // Lectures: 学习 is a tab; statistics and publishing are the secretary's.
  study: '/pages/study/index',
  lecture: (id: string) => `/pages/lecture/index${query({ id })}`,
  lectureStats: (id?: string) => `/packages/secretary/pages/study/index${query({ id })}`,
  lecturePublish: '/packages/secretary/pages/lecture-publish/index',
} as const;

const TAB_PAGES: string[] = [ROUTES.home, ROUTES.study, POINTS_ROUTES.tab, ROUTES.mine];

/** Opens a page (switching tabs for tab pages). */
export function go(url: string): void {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

/** Goes back, or home when this page was opened directly (deep link, reload). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}
