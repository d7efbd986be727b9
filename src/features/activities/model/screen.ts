/** 签到大屏 besides the code: whose activity it is and the latest names signing in. Pure: no Taro. */
import type { ActivityView, AttendanceItem } from '@contracts';

/** How many of the latest names the screen shows. */
export const SCREEN_LATEST_COUNT = 5;

/** The last `count` to sign in, newest first (`activity.live` sends them so; sorted again all the same). */
export function latestSignIns(
  signedIn: ReadonlyArray<Pick<AttendanceItem, 'memberId' | 'name' | 'at'>> | undefined,
  count = SCREEN_LATEST_COUNT,
): Array<{ memberId: string; name: string }> {
  return [...(signedIn ?? [])]
    .filter((item) => item.at)
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, count)
    .map(({ memberId, name }) => ({ memberId, name }));
}

/** The branch's name; a group's activity names its group after the branch. */
export function screenOrgLine(view: Pick<ActivityView, 'orgId' | 'orgName' | 'branchId' | 'branchName'>): string {
  if (view.orgId === view.branchId || !view.orgName) return view.branchName;
  return `${view.branchName} · ${view.orgName}`;
}
