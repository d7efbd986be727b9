import type { SelfAwardItem } from '@contracts';
import { ROUTES } from '@/utils/route-table';

const CAUSE_PAGES: Record<SelfAwardItem['cause']['kind'], (id: string) => string> = {
  activity: ROUTES.manageActivity,
  lecture: ROUTES.lectureStats,
  member: ROUTES.member,
};

/** The page that opens an entry's cause: the activity, the lecture's statistics, or the member. */
export const causeRoute = (cause: SelfAwardItem['cause']): string => CAUSE_PAGES[cause.kind](cause.id);

/** What the link says: 查看活动 / 查看课程 / 查看党员. */
export const CAUSE_LINK_TEXT: Record<SelfAwardItem['cause']['kind'], string> = {
  activity: '查看活动',
  lecture: '查看课程',
  member: '查看党员',
};
