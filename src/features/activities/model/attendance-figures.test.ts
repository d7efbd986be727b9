import type { ActivityCounts } from '@contracts';
import {
  attendanceFigures,
  attendanceTabs,
  cancelBlocked,
  notSignedIn,
  onTheWayLine,
  onTheWayTag,
} from './attendance-figures';

const counts = (over: Partial<ActivityCounts> = {}): ActivityCounts => ({
  expected: 18,
  present: 3,
  late: 1,
  leave: 0,
  exempt: 1,
  absent: 0,
  pending: 13,
  rate: 0.235,
  ...over,
});

describe('attendanceFigures and attendanceTabs', () => {
  it('never say 请假 0 above a list tab that says 请假 1: an exempt member is named as such in both', () => {
    const c = counts();
    const figures = attendanceFigures(c, false);
    expect(figures.map((f) => `${f.label} ${f.value}`)).toEqual(['迟到 1', '请假 0', '免参加 1', '未签到 13']);
    const tabs = attendanceTabs(c, false).map((t) => t.label);
    expect(tabs).toEqual(['已签到 4', '未签到 13', '免参加 1']);
    expect(attendanceTabs(counts({ leave: 2 }), false)[2].label).toBe('请假 2·免 1');
  });

  it('without exempt members the tab is 请假 with the figure’s number', () => {
    const c = counts({ exempt: 0, leave: 2, pending: 12 });
    expect(attendanceFigures(c, false).find((f) => f.key === 'leave')?.value).toBe(2);
    expect(attendanceTabs(c, false)[2].label).toBe('请假 2');
  });

  it('once closed, the missing are 缺席 in both', () => {
    const c = counts({ pending: 0, absent: 13 });
    expect(attendanceFigures(c, true).at(-1)).toEqual({ key: 'pending', label: '缺席', value: 13 });
    expect(attendanceTabs(c, true)[1].label).toBe('缺席 13');
  });
});

describe('people on the way', () => {
  const way = { ...counts({ expected: 2, present: 2, late: 0, exempt: 0, pending: 1, rate: 0.5 }), guests: 1 };
  it('the figures stay the Party members’; the tabs count what the lists hold, those on the way too', () => {
    const c = counts({ onTheWay: way });
    expect(attendanceFigures(c, false).map((f) => `${f.label} ${f.value}`)).toEqual([
      '迟到 1',
      '请假 0',
      '免参加 1',
      '未签到 13',
    ]);
    expect(attendanceTabs(c, false).map((t) => t.label)).toEqual(['已签到 6', '未签到 14', '免参加 1']);
    expect(notSignedIn(c)).toBe(14);
    expect(notSignedIn(undefined)).toBe(0);
  });

  it('a line counts them apart, in no rate; each is tagged with their status, a guest as 列席', () => {
    expect(onTheWayLine(counts({ onTheWay: way }), false)).toBe(
      '积极分子等：应到 2，已签到 1，未签到 1，列席 1（不计入出勤率）',
    );
    expect(onTheWayLine(counts({ onTheWay: { ...way, pending: 0, absent: 1 } }), true)).toBe(
      '积极分子等：应到 2，已签到 1，缺席 1，列席 1（不计入出勤率）',
    );
    expect(onTheWayLine(counts(), false)).toBeNull();
    expect(onTheWayTag({ partyStatus: 'activist' })).toBe('积极分子');
    expect(onTheWayTag({ partyStatus: 'applicant', guest: true })).toBe('申请人·列席');
    expect(onTheWayTag({})).toBeNull();
  });

  it('someone on the way signed in blocks 取消活动 as a member does', () => {
    expect(cancelBlocked(counts({ present: 0, late: 0, onTheWay: { ...way, present: 1 } }))?.reason).toBe(
      '已有 1 人签到，不能取消',
    );
  });
});

describe('cancelBlocked', () => {
  it('explains before the dialog opens, in the buttons’ words', () => {
    expect(cancelBlocked(counts())).toEqual({ reason: '已有 4 人签到，不能取消', next: '活动开始后请点「结束活动」' });
    expect(cancelBlocked(counts({ present: 0, late: 0 }))).toBeNull();
    expect(cancelBlocked(null)).toBeNull();
  });
});
