/**
 * Every page of the app and how to link to it: the one route table (app.config.ts declares the
 * same pages; route-table.test.ts keeps the two equal). Pure: no Taro.
 */
import type { Period } from '@contracts';

const query = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export const ROUTES = {
  home: '/pages/index/index',
  declare: '/packages/member/pages/declare/index',
  card: '/packages/member/pages/card/index',
  mine: '/pages/mine/index',
  myData: '/packages/member/pages/my-data/index',
  /** 消息: reminders, review outcomes, deductions, tasks. */
  notices: '/packages/member/pages/notices/index',
  workbench: '/packages/secretary/pages/workbench/index',
  // The committee admin's pages; 初始化 opens for the first person in a new environment.
  setup: '/packages/admin/pages/setup/index',
  orgs: '/packages/admin/pages/orgs/index',
  roles: '/packages/admin/pages/roles/index',
  auditLog: '/packages/admin/pages/audit/index',
  transfer: '/packages/admin/pages/transfer/index',
  invite: '/packages/admin/pages/invite/index',
  /** 支部概览: the committee's branches compared. */
  overview: '/packages/admin/pages/overview/index',
  /** 任务清单: the committee's tasks to its branches, branch by branch. */
  committeeTasks: '/packages/admin/pages/tasks/index',
  /** A branch's tasks from the committee, with 销号. */
  branchTasks: '/packages/secretary/pages/tasks/index',
  /** 评星定级: the committee rates its branches each year. */
  rating: '/packages/admin/pages/rating/index',
  /** 两新组织: the committee's register, the members found in each, 组织覆盖率. */
  employers: '/packages/admin/pages/employers/index',
  review: '/packages/secretary/pages/review/index',
  roster: '/packages/secretary/pages/roster/index',
  member: (id: string) => `/packages/secretary/pages/member/index${query({ id })}`,
  memberEdit: (params: { id?: string; orgId?: string }) =>
    `/packages/secretary/pages/member-edit/index${query(params)}`,
  // Activities: sign-in and an activity's page are in the main package (they must open fast from a
  // scan); the list of one's activities is in the member's subpackage.
  activities: '/packages/member/pages/activities/index',
  activity: (id: string) => `/pages/activity/index${query({ id })}`,
  checkin: (token?: string) => `/pages/checkin/index${query({ t: token })}`,
  manageActivities: (orgId?: string) => `/packages/secretary/pages/activities/index${query({ orgId })}`,
  activityEdit: (params: { id?: string; orgId?: string }) =>
    `/packages/secretary/pages/activity-edit/index${query(params)}`,
  manageActivity: (id: string) => `/packages/secretary/pages/activity/index${query({ id })}`,
  activityScreen: (id: string) => `/packages/secretary/pages/activity-screen/index${query({ id })}`,
  // Lectures: 学习 is a tab and preloads the member's subpackage with a lecture's page; statistics
  // and publishing are the secretary's.
  study: '/pages/study/index',
  lecture: (id: string) => `/packages/member/pages/lecture/index${query({ id })}`,
  lectureStats: (id?: string) => `/packages/secretary/pages/study/index${query({ id })}`,
  lecturePublish: '/packages/secretary/pages/lecture-publish/index',
  // 发展党员: the board and one person's file.
  develop: '/packages/secretary/pages/develop/index',
  developFile: (id: string) => `/packages/secretary/pages/develop-file/index${query({ id })}`,
  /** The committee's step list and time rules (its admin's). */
  developSteps: '/packages/admin/pages/develop-steps/index',
  // Points: the 积分 tab and the ranking are the member's, the rest the secretary's and the admin's.
  points: '/pages/points/index',
  pointsRanking: (period?: Period) => `/packages/member/pages/points-ranking/index${query({ period })}`,
  managePoints: '/packages/secretary/pages/points/index',
  pointsRecord: (orgId: string, orgName = '') =>
    `/packages/secretary/pages/points-record/index?orgId=${encodeURIComponent(orgId)}` +
    (orgName ? `&orgName=${encodeURIComponent(orgName)}` : ''),
  /** 党委积分: the branches ranked (季度赛马), 核对积分, and the way to the rules. */
  pointsAdmin: '/packages/secretary/pages/points-admin/index',
  pointsRules: '/packages/secretary/pages/points-rules/index',
  selfAwards: '/packages/secretary/pages/self-awards/index',
} as const;

/** The tab bar's pages (opened with switchTab). */
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.study, ROUTES.points, ROUTES.mine];
