import type { SelfAwardItem } from '@contracts';

const CAUSE_PAGES: Record<SelfAwardItem['cause']['kind'], string> = {
  activity: '/packages/secretary/pages/activity/index',
  lecture: '/packages/secretary/pages/study/index',
  member: '/packages/secretary/pages/member/index',
};

/** The page that opens an entry's cause: the activity, the lecture's statistics, or the member. */
export const causeRoute = (cause: SelfAwardItem['cause']): string =>
  `${CAUSE_PAGES[cause.kind]}?id=${encodeURIComponent(cause.id)}`;

/** What the link says: 查看活动 / 查看课程 / 查看党员. */
export const CAUSE_LINK_TEXT: Record<SelfAwardItem['cause']['kind'], string> = {
  activity: '查看活动',
  lecture: '查看课程',
  member: '查看党员',
};

export const SELF_AWARDS_ROUTE = '/packages/secretary/pages/self-awards/index';
