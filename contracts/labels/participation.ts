/**
 * Who takes part in what, for the people on the way to membership (发展对象, 入党积极分子, 入党申请人):
 * per activity kind (and 微党课, `lecture`), whether they are
 * - `expected`: on the list like a Party member, reminded, marked absent if they neither come nor
 *   have leave (积极分子 and 发展对象 take part in organisational life as part of their 培养);
 * - `welcome`: may sign in (at a Party meeting: 列席), never expected, reminded or absent;
 * - `refused`: the meeting is the Party members' own (支委会, 组织生活会, 民主评议党员).
 * Party members are expected wherever they are chosen. People on the way never count toward a
 * quorum, a vote, an attendance rate or the 条例's cadence, whatever this says.
 *
 * The default below follows common practice; a committee's own choices would come in as
 * `overrides` (read where the actions call {@link participationOf}); no setting holds them yet.
 */
export type Participation = 'expected' | 'welcome' | 'refused';
/** The statuses on the way (labels/common.ts CANDIDATE_STATUSES: this module imports nothing). */
type OnTheWay = 'candidate' | 'activist' | 'applicant';
type Row = Record<OnTheWay, Participation>;

const row = (candidate: Participation, activist: Participation, applicant: Participation): Row => ({
  candidate,
  activist,
  applicant,
});

/** Every activity kind (labels/activity.ts ACTIVITY_KINDS; the test holds them equal) and `lecture`. */
export const DEFAULT_PARTICIPATION = {
  // 支部党员大会: 发展对象 and 积极分子 may 列席 (the 发展对象 whose admission it discusses attends).
  party_congress: row('welcome', 'welcome', 'refused'),
  committee: row('refused', 'refused', 'refused'),
  group_meeting: row('welcome', 'welcome', 'refused'),
  party_lecture: row('expected', 'expected', 'welcome'),
  theme_day: row('expected', 'expected', 'welcome'),
  life_meeting: row('refused', 'refused', 'refused'),
  democratic_review: row('refused', 'refused', 'refused'),
  volunteer: row('expected', 'expected', 'welcome'),
  other: row('welcome', 'welcome', 'welcome'),
  lecture: row('expected', 'expected', 'welcome'),
} as const satisfies Record<string, Row>;

export type ParticipationSubject = keyof typeof DEFAULT_PARTICIPATION;
export type ParticipationOverrides = Partial<Record<ParticipationSubject, Partial<Row>>>;

/** How someone of `status` (a 党员身份) takes part in `subject`: a Party member (正式, 预备) is always `expected`. */
export function participationOf(
  subject: ParticipationSubject,
  status: OnTheWay | 'full' | 'probationary',
  overrides?: ParticipationOverrides,
): Participation {
  if (status === 'full' || status === 'probationary') return 'expected';
  return overrides?.[subject]?.[status] ?? DEFAULT_PARTICIPATION[subject][status];
}

/** The short tag a list shows beside someone on the way (none for a Party member). */
export const CANDIDATE_TAGS: Readonly<Record<OnTheWay, string>> = {
  candidate: '发展对象',
  activist: '积极分子',
  applicant: '申请人',
};
/** The tag of someone welcome, not expected, who came. */
export const GUEST_TAG = '列席';

/** Why someone on the way (`statusLabel`: 入党积极分子 …) may not sign in to, or be chosen for, an activity of `kindLabel`. */
export const refusedMessage = (statusLabel: string, kindLabel: string) =>
  `${kindLabel}由党员参加，${statusLabel}不参加`;
