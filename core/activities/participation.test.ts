import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '../../contracts/labels/activity';
import { CANDIDATE_STATUSES, PARTY_STATUSES } from '../../contracts/labels/common';
import {
  DEFAULT_PARTICIPATION,
  participationOf,
  refusedMessage,
  type Participation,
} from '../../contracts/labels/participation';

/**
 * Who takes part in what (issue 15): every activity kind and 微党课 against every 党员身份. Party
 * members are expected wherever they are chosen; the people on the way as the table says.
 */
const E: Participation = 'expected';
const W: Participation = 'welcome';
const R: Participation = 'refused';

//                       full probationary candidate activist applicant
const TABLE: Array<[string, Participation[]]> = [
  ['party_congress', [E, E, W, W, R]],
  ['committee', [E, E, R, R, R]],
  ['group_meeting', [E, E, W, W, R]],
  ['party_lecture', [E, E, E, E, W]],
  ['theme_day', [E, E, E, E, W]],
  ['life_meeting', [E, E, R, R, R]],
  ['democratic_review', [E, E, R, R, R]],
  ['volunteer', [E, E, E, E, W]],
  ['other', [E, E, W, W, W]],
  ['lecture', [E, E, E, E, W]],
];

describe('participationOf', () => {
  it('covers every activity kind and 微党课', () => {
    expect(TABLE.map(([subject]) => subject).sort()).toEqual([...ACTIVITY_KINDS, 'lecture'].sort());
    expect(Object.keys(DEFAULT_PARTICIPATION).sort()).toEqual([...ACTIVITY_KINDS, 'lecture'].sort());
  });

  it('holds a row for each status on the way', () => {
    for (const row of Object.values(DEFAULT_PARTICIPATION))
      expect(Object.keys(row).sort()).toEqual([...CANDIDATE_STATUSES].sort());
  });

  it.each(TABLE)('%s', (subject, expected) => {
    const got = PARTY_STATUSES.map((status) => participationOf(subject as never, status));
    expect(got).toEqual(expected);
  });

  it("takes a committee's overrides for the people on the way, never for Party members", () => {
    const overrides = { committee: { candidate: 'welcome' as const }, theme_day: { applicant: 'expected' as const } };
    expect(participationOf('committee', 'candidate', overrides)).toBe('welcome');
    expect(participationOf('committee', 'activist', overrides)).toBe('refused');
    expect(participationOf('theme_day', 'applicant', overrides)).toBe('expected');
    expect(participationOf('committee', 'full', { committee: { candidate: 'refused' } })).toBe('expected');
  });

  it('names the kind and the status in a refusal', () => {
    expect(refusedMessage('入党申请人', ACTIVITY_KIND_LABELS.committee)).toBe('支委会由党员参加，入党申请人不参加');
  });
});
