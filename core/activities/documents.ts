import type { CheckinEntry } from '../../contracts/activity';
import type { ActivityKind, LeaveStatus, Place } from '../../contracts/activity';
import type { CandidateStatus } from '../../contracts/labels/common';

export interface Attendee {
  id: string;
  name: string;
  /** The member's exemption when they were added (closing reads the roster afresh). */
  exempt?: string | null;
  /** Someone on the way to membership: their status when added (absent for a Party member). */
  partyStatus?: CandidateStatus;
  /**
   * Welcome, not expected (contracts/labels/participation.ts): shown once they sign in (列席),
   * never reminded or marked absent, counted in no rate.
   */
  guest?: true;
}

/** `activities/<id>`. `secret` keys the rotating code and is never sent to a client. */
export interface ActivityDoc {
  _id: string;
  orgId: string;
  branchId: string;
  committeeId: string;
  kind: ActivityKind;
  title: string;
  startAt: string;
  endAt: string;
  signInFrom: string;
  signInUntil: string;
  graceMinutes: number;
  place: Place | null;
  notes: string;
  /** The expected attendees, with their names as they were when added. */
  attendees: Attendee[];
  /**
   * When an edit last chose the expected members (absent: they were chosen on creation). Members who
   * joined the org later are expected too (late-members.ts).
   */
  attendeesFixedAt?: string;
  secret: string;
  status: 'active' | 'cancelled' | 'closed';
  cancelReason: string | null;
  closedAt: string | null;
  /** What the close fixed for the Party members (正式, 预备): the people on the way are in no figure here. */
  closeSummary: { present: number; late: number; leave: number; exempt: number; absent: number } | null;
  createdBy: string;
  /**
   * Who ran it, as member ids: the creator and whoever showed the code or scanned a member's card.
   * Their own points wait for the close (docs/api.md, "Trust: activities"). Absent on older documents.
   */
  organisers?: string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * `attendance/<activityId>:<memberId>`: one per member and activity, created by the sign-in or,
 * for those who did not come, by closing. Its creation is what makes a sign-in and a close
 * mutually exclusive for a member: whichever creates it first decides.
 */
export interface AttendanceDoc {
  _id: string;
  activityId: string;
  memberId: string;
  name: string;
  branchId: string;
  /** `revoked`: a sign-in the secretary undid; the member counts as not signed in. */
  status: 'present' | 'late' | 'leave' | 'exempt' | 'absent' | 'revoked';
  at: string;
  /** `host`: an organiser recorded present by the close; `close`: what the close fixed for the rest. */
  method: 'self' | 'organiser' | 'manual' | 'host' | 'close';
  note: string | null;
  /** The ledger entry the attendance posted (award or absence), if any. */
  entryId: string | null;
  /** How the member's own sign-in page was reached, as the mini-program reported it (absent: a browser, or by hand). */
  entry?: CheckinEntry;
  /** A located sign-in keeps the verdict and the rounded distance in metres, never the coordinates. */
  location?: { distance: number; within: boolean } | null;
  /** The points that entry carried (after any cap). */
  points: number;
  /** How many times the member has been signed in; names the next award after an undo. */
  round: number;
}

/** `leaves/<activityId>:<memberId>`. */
export interface LeaveDoc {
  _id: string;
  activityId: string;
  activityTitle: string;
  activityStartAt: string;
  branchId: string;
  committeeId: string;
  memberId: string;
  name: string;
  reason: string;
  status: LeaveStatus;
  note: string | null;
  at: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** `secrets/member:<memberId>`: the key of a member's personal card code. */
export interface SecretDoc {
  _id: string;
  secret: string;
}

export const attendanceId = (activityId: string, memberId: string) => `${activityId}:${memberId}`;
export const leaveId = attendanceId;
export const awardEntryId = (activityId: string, memberId: string, round: number) =>
  round <= 1 ? `activity:${activityId}:${memberId}` : `activity:${activityId}:${memberId}:${round}`;
/**
 * The absence deduction: closing posts `absence:<activity>:<member>`. An undone sign-in after
 * closing whose member already had that one (posted, then reversed by a 补签) is named after the
 * sign-in round it undoes, so that it is a new deduction rather than the reversed one found again.
 */
export const absenceEntryId = (activityId: string, memberId: string, round?: number) =>
  round === undefined ? `absence:${activityId}:${memberId}` : `absence:${activityId}:${memberId}:${round}`;
