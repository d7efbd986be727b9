import { expectedLate, joinedAfterList, listFixedAt, mayJoinLate, memberSince } from './late-members';

const activity = {
  orgId: 'branch',
  branchId: 'branch',
  status: 'active' as const,
  createdAt: '2026-11-20T02:00:00.000Z',
  attendees: [{ id: 'm1', name: '张伟' }],
  startAt: '2026-11-23T02:00:00.000Z',
  endAt: '2026-11-23T04:00:00.000Z',
};
const member = (createdAt: string, extra: Record<string, unknown> = {}) => ({
  _id: 'm9',
  status: 'active' as const,
  branchId: 'branch',
  groupId: null,
  createdAt,
  history: [],
  ...extra,
});

describe('memberSince', () => {
  it('is the entry’s creation, or its latest transfer', () => {
    expect(memberSince(member('2026-01-01T00:00:00.000Z'))).toBe('2026-01-01T00:00:00.000Z');
    const moved = member('2020-01-01T00:00:00.000Z', {
      history: [
        { at: '2026-11-21T00:00:00.000Z', action: 'transferred', note: '' },
        { at: '2026-11-22T00:00:00.000Z', action: 'updated', note: '' },
      ],
    });
    expect(memberSince(moved)).toBe('2026-11-21T00:00:00.000Z');
  });
});

describe('joinedAfterList', () => {
  it('counts a member who came after the list was fixed and before the cut-off', () => {
    const m = member('2026-11-22T00:00:00.000Z');
    expect(joinedAfterList(activity, m, activity.startAt)).toBe(true);
    expect(expectedLate(activity, m)).toBe(true);
    expect(mayJoinLate(activity, m)).toBe(true);
  });

  it('joined during the activity: may join, is not expected without doing so', () => {
    const m = member('2026-11-23T03:00:00.000Z');
    expect(expectedLate(activity, m)).toBe(false);
    expect(mayJoinLate(activity, m)).toBe(true);
    expect(mayJoinLate(activity, member('2026-11-23T04:00:00.000Z'))).toBe(false);
  });

  it('not one who was there when the list was chosen, nor after an edit chose the members again', () => {
    expect(mayJoinLate(activity, member('2026-11-19T00:00:00.000Z'))).toBe(false);
    const edited = { ...activity, attendeesFixedAt: '2026-11-22T12:00:00.000Z' };
    expect(listFixedAt(edited)).toBe('2026-11-22T12:00:00.000Z');
    expect(mayJoinLate(edited, member('2026-11-22T00:00:00.000Z'))).toBe(false);
    expect(mayJoinLate(edited, member('2026-11-22T13:00:00.000Z'))).toBe(true);
  });

  it('not on a closed or cancelled activity, not an inactive member, not twice, not another place', () => {
    const m = member('2026-11-22T00:00:00.000Z');
    expect(mayJoinLate({ ...activity, status: 'closed' }, m)).toBe(false);
    expect(mayJoinLate({ ...activity, status: 'cancelled' }, m)).toBe(false);
    expect(mayJoinLate(activity, { ...m, status: 'inactive' as const })).toBe(false);
    expect(mayJoinLate({ ...activity, attendees: [{ id: 'm9', name: '新党员' }] }, m)).toBe(false);
    expect(mayJoinLate(activity, { ...m, branchId: 'other' })).toBe(false);
    // A group's activity: that group's members only.
    const groupActivity = { ...activity, orgId: 'group-1' };
    expect(mayJoinLate(groupActivity, { ...m, groupId: 'group-2' })).toBe(false);
    expect(mayJoinLate(groupActivity, { ...m, groupId: 'group-1' })).toBe(true);
  });
});
