import { attendanceRate, declaredRate, pointsAverage, rate, studyRate } from './overview';

const summary = (present: number, late: number, leave: number, exempt: number, absent: number) => ({
  present,
  late,
  leave,
  exempt,
  absent,
});

describe('the overview arithmetic', () => {
  it.each([
    [1, 3, 0.333],
    [2, 3, 0.667],
    [0, 5, 0],
    [5, 5, 1],
    [3, 0, null],
  ])('rate(%d, %d) = %p', (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });

  it('counts the late as attending, leave as expected, the exempt as not expected, open activities not at all', () => {
    expect(attendanceRate([summary(6, 2, 1, 3, 1), null, summary(1, 0, 0, 0, 0)])).toBe(0.818);
    expect(attendanceRate([null, null])).toBeNull();
    expect(attendanceRate([summary(0, 0, 0, 4, 0)])).toBeNull();
  });

  it('declaredRate is the bound share; studyRate counts each finisher once and only among the active', () => {
    expect(declaredRate([{ openid: 'a' }, { openid: null }, { openid: 'b' }, { openid: null }])).toBe(0.5);
    expect(declaredRate([])).toBeNull();
    const members = [{ _id: 'm1' }, { _id: 'm2' }, { _id: 'm3' }];
    expect(studyRate(members, ['m1', 'm1', 'm1', 'gone'])).toBe(0.333);
  });

  it('pointsAverage is per member to two decimals, 0 without members', () => {
    expect(pointsAverage(10, 3)).toBe(3.33);
    expect(pointsAverage(-4, 12)).toBe(-0.33);
    expect(pointsAverage(7, 0)).toBe(0);
  });
});
