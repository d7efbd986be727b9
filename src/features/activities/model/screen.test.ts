import { latestSignIns, screenOrgLine, SCREEN_LATEST_COUNT } from './screen';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const item = (n: number, minute: number | null) => ({
  memberId: `m${n}`,
  name: `党员${n}`,
  at: minute === null ? null : at(minute),
});

describe('签到大屏', () => {
  it('shows the latest names, newest first, at most five', () => {
    const signedIn = [item(1, 1), item(2, 7), item(3, 3), item(4, 9), item(5, 2), item(6, 5), item(7, 8)];
    expect(latestSignIns(signedIn).map((i) => i.name)).toEqual(['党员4', '党员7', '党员2', '党员6', '党员3']);
    expect(latestSignIns(signedIn)).toHaveLength(SCREEN_LATEST_COUNT);
    expect(latestSignIns(signedIn, 2).map((i) => i.memberId)).toEqual(['m4', 'm7']);
  });

  it('nothing yet, or no time to order by: nobody is listed', () => {
    expect(latestSignIns(undefined)).toEqual([]);
    expect(latestSignIns([])).toEqual([]);
    expect(latestSignIns([item(1, null)])).toEqual([]);
  });

  it('names the branch, and a group after its branch', () => {
    const branch = { orgId: 'b1', orgName: '第一党支部', branchId: 'b1', branchName: '第一党支部' };
    expect(screenOrgLine(branch)).toBe('第一党支部');
    expect(screenOrgLine({ ...branch, orgId: 'g1', orgName: '第一党小组' })).toBe('第一党支部 · 第一党小组');
  });
});
