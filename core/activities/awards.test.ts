import { heldWithOthers, isOrganiser, pointsPolicy } from './awards';

const attendees = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, name: `党员${i + 1}` }));

describe('pointsPolicy', () => {
  it.each([
    [0, false],
    [1, false],
    [2, false],
    [3, true],
    [40, true],
  ])('expecting %i: awards %s, with the reason when not', (count, awards) => {
    expect(pointsPolicy({ attendees: attendees(count) })).toEqual({
      awards,
      reason: awards ? null : '应到人数少于 3 人，本活动不计积分',
    });
  });
});

describe('isOrganiser', () => {
  const activity = { organisers: ['m2'], createdBy: 'wx-creator' };
  it.each([
    ['recorded among the organisers', { _id: 'm2', openid: 'wx-2' }, true],
    ['the creator (documents older than the list)', { _id: 'm9', openid: 'wx-creator' }, true],
    ['anyone else', { _id: 'm3', openid: 'wx-3' }, false],
    ['a roster entry not bound to WeChat', { _id: 'm4', openid: null }, false],
  ])('%s → %s', (_label, member, expected) => {
    expect(isOrganiser(activity, member)).toBe(expected);
    expect(isOrganiser({ createdBy: 'wx-creator' }, member)).toBe(member.openid === 'wx-creator');
  });
});

describe('heldWithOthers', () => {
  const activity = { attendees: attendees(4) };
  const organisers = new Set(['m1', 'm2']);
  it.each([
    ['nobody signed in', [], false],
    [
      'only the organisers',
      [
        { memberId: 'm1', status: 'present', method: 'self' },
        { memberId: 'm2', status: 'late', method: 'self' },
      ],
      false,
    ],
    ['another expected member came', [{ memberId: 'm3', status: 'present', method: 'self' }], true],
    ['another came late', [{ memberId: 'm4', status: 'late', method: 'self' }], true],
    ["another's card was scanned", [{ memberId: 'm3', status: 'present', method: 'organiser' }], true],
    ['another was only signed in by hand (补签)', [{ memberId: 'm3', status: 'present', method: 'manual' }], false],
    ["another's sign-in was undone", [{ memberId: 'm3', status: 'revoked', method: 'self' }], false],
    ['another was marked absent', [{ memberId: 'm3', status: 'absent', method: 'close' }], false],
    ['someone not expected', [{ memberId: 'm99', status: 'present', method: 'self' }], false],
  ] as const)('%s → %s', (_label, records, expected) => {
    expect(heldWithOthers(activity, organisers, records)).toBe(expected);
  });
});
