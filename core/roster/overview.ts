import type { MemberDoc } from './documents';

/** The arithmetic of the committee overview (roster.overview), apart from the store. */

/** `part ÷ whole` to three decimals; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;

type CloseSummary = { present: number; late: number; leave: number; exempt: number; absent: number };

/**
 * 出勤率 over closed activities: signed in (present or late) ÷ expected. Members on leave were
 * expected and did not come; the exempt (免参加) were not expected. Open and cancelled activities
 * have no summary and do not count.
 */
export function attendanceRate(summaries: ReadonlyArray<CloseSummary | null>): number | null {
  let attended = 0;
  let expected = 0;
  for (const summary of summaries) {
    if (!summary) continue;
    attended += summary.present + summary.late;
    expected += summary.present + summary.late + summary.leave + summary.absent;
  }
  return rate(attended, expected);
}

/** 亮身份 coverage: the share of the active members bound to a WeChat account. */
export const declaredRate = (members: ReadonlyArray<Pick<MemberDoc, 'openid'>>): number | null =>
  rate(members.filter((member) => member.openid !== null).length, members.length);

/** The share of the active members who finished at least one lecture (`finishers`: member ids, repeats allowed). */
export function studyRate(members: ReadonlyArray<Pick<MemberDoc, '_id'>>, finishers: Iterable<string>): number | null {
  const done = new Set(finishers);
  return rate(members.filter((member) => done.has(member._id)).length, members.length);
}

/** Net points per member, two decimals; 0 without members. */
export const pointsAverage = (net: number, members: number): number =>
  members > 0 ? Math.round((net / members) * 100) / 100 : 0;
