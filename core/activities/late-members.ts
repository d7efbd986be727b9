import type { ActivityDoc, Attendee } from './documents';
import type { MemberDoc } from '../roster';
import { isPartyMember, PARTY_STATUS_LABELS, type CandidateStatus } from '../../contracts/labels/common';
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '../../contracts/labels/activity';
import { participationOf, refusedMessage } from '../../contracts/labels/participation';

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
> &
  Partial<Pick<ActivityDoc, 'kind'>>;
type MemberPart = Pick<MemberDoc, '_id' | 'status' | 'branchId' | 'groupId' | 'createdAt' | 'history'> &
  Partial<Pick<MemberDoc, 'partyStatus'>>;

/** How the member takes part in the activity by its kind and their 党员身份 (contracts/labels/participation.ts). */
const standing = (activity: ActivityPart, member: MemberPart) =>
  activity.kind && member.partyStatus ? participationOf(activity.kind, member.partyStatus) : 'expected';

/** An active member of the activity's org (a group's activity: of that group), not on its list yet. */
function unlisted(activity: ActivityPart, member: MemberPart): boolean {
  if (activity.status !== 'active' || member.status !== 'active') return false;
  if (activity.attendees.some((a) => a.id === member._id)) return false;
  if (member.branchId !== activity.branchId) return false;
  // An activity of a group expects that group's members.
  return activity.orgId === activity.branchId || member.groupId === activity.orgId;
}

/** Whether `member`, not on the list, came to the activity's org after the list was fixed and before `until`. */
export function joinedAfterList(activity: ActivityPart, member: MemberPart, until: string): boolean {
  if (!unlisted(activity, member) || standing(activity, member) !== 'expected') return false;
  const since = Date.parse(memberSince(member));
  return since > Date.parse(listFixedAt(activity)) && since < Date.parse(until);
}

/** May sign in or ask for leave (and then join the list): a member while the activity was held. */
export const mayJoinLate = (activity: ActivityPart, member: MemberPart): boolean =>
  joinedAfterList(activity, member, activity.endAt);

/** Expected without doing anything: a member before the activity started. */
export const expectedLate = (activity: ActivityPart, member: MemberPart): boolean =>
  joinedAfterList(activity, member, activity.startAt);

/** Why someone on the way may not take part in an activity of `kind` (one the kind refuses them). */
export const refusedAt = (kind: ActivityKind, status: string) =>
  refusedMessage(PARTY_STATUS_LABELS[status as CandidateStatus], ACTIVITY_KIND_LABELS[kind]);

/** The list's expected attendees: all but the guests. */
export const listedExpected = (activity: Pick<ActivityDoc, 'attendees'>): Attendee[] =>
  activity.attendees.filter((a) => !a.guest);

/** Someone on the way whom the activity's kind welcomes (列席), not on its list: may sign in as a guest. */
export const welcomeAt = (activity: ActivityPart, member: MemberPart): boolean =>
  unlisted(activity, member) && standing(activity, member) === 'welcome';

/** The list's entry for a member: someone on the way carries their status; a guest is welcome, not expected. */
export const attendeeOf = (
  member: Pick<MemberDoc, '_id' | 'name' | 'exemptReason'> & Partial<Pick<MemberDoc, 'partyStatus'>>,
  guest = false,
): Attendee => ({
  id: member._id,
  name: member.name,
  exempt: member.exemptReason ?? null,
  ...(member.partyStatus && !isPartyMember(member.partyStatus) ? { partyStatus: member.partyStatus } : {}),
  ...(guest ? { guest: true as const } : {}),
});
