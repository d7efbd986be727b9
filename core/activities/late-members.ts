import type { ActivityDoc, Attendee } from './documents';
import type { MemberDoc } from '../roster';

/**
 * Members who join an activity's org after its list of expected attendees was fixed (a declaration
 * approved, an entry added or transferred in) were not there to be chosen. They are expected if they
 * were members when it was held:
 * - joined before the start: expected like the others (listed, marked absent by the close);
 * - joined before the end: may still sign in or ask for leave, which puts them on the list, but the
 *   close does not mark them absent if they do neither.
 * Once the activity is closed or cancelled its list is final.
 */

/** When the member came to their current place: their entry's creation, or their latest transfer. */
export function memberSince(member: Pick<MemberDoc, 'createdAt' | 'history'>): string {
  let since = member.createdAt;
  for (const entry of member.history ?? []) if (entry.action === 'transferred' && entry.at > since) since = entry.at;
  return since;
}

/** When the list of expected attendees was last set: on creation, or by an edit that chose the members. */
export const listFixedAt = (activity: Pick<ActivityDoc, 'createdAt' | 'attendeesFixedAt'>): string =>
  activity.attendeesFixedAt ?? activity.createdAt;

type ActivityPart = Pick<
  ActivityDoc,
  'orgId' | 'branchId' | 'status' | 'createdAt' | 'attendeesFixedAt' | 'attendees' | 'startAt' | 'endAt'
>;
type MemberPart = Pick<MemberDoc, '_id' | 'status' | 'branchId' | 'groupId' | 'createdAt' | 'history'>;

/** Whether `member`, not on the list, came to the activity's org after the list was fixed and before `until`. */
export function joinedAfterList(activity: ActivityPart, member: MemberPart, until: string): boolean {
  if (activity.status !== 'active' || member.status !== 'active') return false;
  if (activity.attendees.some((a) => a.id === member._id)) return false;
  if (member.branchId !== activity.branchId) return false;
  // An activity of a group expects that group's members.
  if (activity.orgId !== activity.branchId && member.groupId !== activity.orgId) return false;
  const since = Date.parse(memberSince(member));
  return since > Date.parse(listFixedAt(activity)) && since < Date.parse(until);
}

/** May sign in or ask for leave (and then join the list): a member while the activity was held. */
export const mayJoinLate = (activity: ActivityPart, member: MemberPart): boolean =>
  joinedAfterList(activity, member, activity.endAt);

/** Expected without doing anything: a member before the activity started. */
export const expectedLate = (activity: ActivityPart, member: MemberPart): boolean =>
  joinedAfterList(activity, member, activity.startAt);

export const attendeeOf = (member: Pick<MemberDoc, '_id' | 'name' | 'exemptReason'>): Attendee => ({
  id: member._id,
  name: member.name,
  exempt: member.exemptReason ?? null,
});
