import { FEW_EXPECTED_NO_POINTS, MIN_EXPECTED_FOR_POINTS } from '../../contracts/labels/activity';
import type { ActivityDoc, AttendanceDoc } from './documents';

/**
 * Who earns points from an activity (separation of duties): nobody acting alone can pay
 * themselves through one. An activity expecting fewer than {@link MIN_EXPECTED_FOR_POINTS}
 * members awards nothing; an organiser's award waits for the close and is posted only if someone
 * who did not run the activity came.
 */
export function pointsPolicy(activity: Pick<ActivityDoc, 'attendees'>): { awards: boolean; reason: string | null } {
  // Guests (列席, not expected) do not make an activity large enough.
  return activity.attendees.filter((a) => !a.guest).length >= MIN_EXPECTED_FOR_POINTS
    ? { awards: true, reason: null }
    : { awards: false, reason: FEW_EXPECTED_NO_POINTS };
}

export const ORGANISER_POINTS_PENDING =
  '您是本次活动的组织者：积分在活动结束时计入，且须有其他党员本人扫码或出示身份卡签到';

/** Whether the member ran the activity: its creator, or one who showed its code or scanned a card. */
export const isOrganiser = (
  activity: Pick<ActivityDoc, 'organisers' | 'createdBy'>,
  member: { _id: string; openid: string | null },
): boolean =>
  (activity.organisers ?? []).includes(member._id) || (member.openid !== null && member.openid === activity.createdBy);

/**
 * Whether an expected member who is not among `organisers` signed in (and was not undone) with
 * their own phone: by scanning the code or showing their card. A 补签 by hand is no proof that
 * anyone else came, since an organiser could enter it alone.
 */
export function heldWithOthers(
  activity: Pick<ActivityDoc, 'attendees'>,
  organisers: ReadonlySet<string>,
  records: ReadonlyArray<Pick<AttendanceDoc, 'memberId' | 'status' | 'method'>>,
): boolean {
  const expected = new Set(activity.attendees.filter((a) => !a.guest).map((a) => a.id));
  return records.some(
    (r) =>
      (r.status === 'present' || r.status === 'late') &&
      (r.method === 'self' || r.method === 'organiser') &&
      expected.has(r.memberId) &&
      !organisers.has(r.memberId),
  );
}
