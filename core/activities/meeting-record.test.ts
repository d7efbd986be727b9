import type { AttendanceStatus } from '../../contracts/activity';
import { moreThanHalf, quorumOf, recordAttendance, voteProblem, votePassed, type Entitled } from './meeting-record';

/** `n` members: `full` 正式党员 first, the rest 预备党员; ids m0, m1, …. */
const members = (n: number, full: number, exempt: number[] = []): Entitled[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, full: i < full, exempt: exempt.includes(i) }));
const came = (ids: number[], status: AttendanceStatus = 'present') => ids.map((i) => ({ memberId: `m${i}`, status }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('more than half', () => {
  it.each([
    [0, 0, false],
    [1, 1, true],
    [1, 2, false],
    [2, 4, false], // exactly half is not more than half
    [3, 4, true],
    [5, 10, false],
    [6, 10, true],
    [5, 9, true],
    [4, 9, false],
  ])('%i of %i → %s', (count, of, expected) => {
    expect(moreThanHalf(count, of)).toBe(expected);
  });
});

describe('quorum of a 支部党员大会', () => {
  it.each([
    // [label, members, attendance, voters, present, reached]
    ['6 of 10 正式 present', members(10, 10), came(range(0, 6)), 10, 6, true],
    ['exactly half (5 of 10) is not a quorum', members(10, 10), came(range(0, 5)), 10, 5, false],
    ['late counts as present', members(10, 10), [...came(range(0, 3)), ...came(range(3, 6), 'late')], 10, 6, true],
    // 预备党员 have no vote: 8 正式, 2 预备; 4 正式 + 2 预备 present = 4 of 8, not more than half.
    ['预备党员 are not counted', members(10, 8), came([0, 1, 2, 3, 8, 9]), 8, 4, false],
    // On leave still counts among the voters: 4 present of 7.
    ['leave stays in the count', members(7, 7), [...came(range(0, 4)), ...came([4, 5], 'leave')], 7, 4, true],
    [
      'leave stays in the count (exactly half)',
      members(8, 8),
      [...came(range(0, 4)), ...came([4, 5, 6], 'leave')],
      8,
      4,
      false,
    ],
    // 免参加 (exempt) members are left out unless they came: 10 正式, 2 exempt → 8 voters.
    ['免参加 are left out', members(10, 10, [8, 9]), came(range(0, 5)), 8, 5, true],
    ['an exempt member who came counts', members(10, 10, [8, 9]), came([0, 1, 2, 3, 8]), 9, 5, true],
    // A member of the branch not on the activity's list counts as not present.
    ['a voter not expected counts as absent', members(4, 4), came([0, 1]), 4, 2, false],
    ['no voters at all', members(3, 0), came([0, 1, 2]), 0, 0, false],
    // People on the way (积极分子 列席, 发展对象) are entitled to nothing: 3 正式 + 4 on the way, 1 正式 and all 4 came.
    ['people on the way present add nothing', members(7, 3), came([0, 3, 4, 5, 6]), 3, 1, false],
  ] as const)('%s', (_label, entitled, attendance, voters, present, reached) => {
    expect(quorumOf([...entitled], [...attendance])).toEqual({ voters, present, reached });
  });
});

describe('a vote', () => {
  const quorum = { voters: 10, present: 7, reached: true };
  it.each([
    [{ for: 6, against: 1, abstain: 0 }, true],
    [{ for: 5, against: 0, abstain: 2 }, false], // 5 of 10 entitled: exactly half, not passed
    [{ for: 7, against: 0, abstain: 0 }, true],
    [{ for: 0, against: 0, abstain: 0 }, false],
  ])('%j of 10 voters → passed %s', (vote, passed) => {
    expect(voteProblem(vote, quorum)).toBeNull();
    expect(votePassed(vote, quorum)).toBe(passed);
  });

  it('more ballots than voters present is refused, naming the numbers', () => {
    expect(voteProblem({ for: 6, against: 1, abstain: 1 }, quorum)).toBe(
      '赞成、反对、弃权票数合计 8，超过到会有表决权的党员 7 人',
    );
  });
});

describe('attendance by name', () => {
  const item = (name: string, status: AttendanceStatus) => ({
    memberId: name,
    name,
    status,
    at: null,
    method: null,
    note: null,
  });
  const items = [
    item('刘洋', 'present'),
    item('陈秀英', 'present'),
    item('赵丽娟', 'late'),
    item('孙浩然', 'leave'),
    item('沈玉珍', 'exempt'),
    item('王志强', 'expected'),
    item('吴桂兰', 'absent'),
  ];
  it('in pinyin order; once held, who has not signed in did not come', () => {
    expect(recordAttendance({ status: 'active' }, items)).toEqual({
      expected: 7,
      present: ['陈秀英', '刘洋'],
      late: ['赵丽娟'],
      leave: ['孙浩然'],
      exempt: ['沈玉珍'],
      absent: ['王志强', '吴桂兰'],
      observers: [],
    });
  });

  it('people on the way: 列席 by name and status when they came, in no count of the Party members', () => {
    const onTheWay = [
      { ...item('宋佳怡', 'present'), partyStatus: 'activist' as const },
      { ...item('许文博', 'late'), partyStatus: 'applicant' as const, guest: true },
      { ...item('蒋思远', 'absent'), partyStatus: 'candidate' as const },
    ];
    expect(recordAttendance({ status: 'closed' }, [...items, ...onTheWay])).toMatchObject({
      expected: 7,
      present: ['陈秀英', '刘洋'],
      late: ['赵丽娟'],
      absent: ['吴桂兰'],
      observers: ['宋佳怡（入党积极分子）', '许文博（入党申请人）'],
    });
  });
});
