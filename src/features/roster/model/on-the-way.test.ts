import { chipEmpty, headcountText, statusChips, wayNote, wayRows } from './on-the-way';

const BY_STATUS = { full: 15, probationary: 3, candidate: 1, activist: 2, applicant: 0 };

describe('花名册 by category', () => {
  it('counts each chip from the first page’s byStatus, and shows no count before it came', () => {
    expect(statusChips(BY_STATUS).map((chip) => [chip.label, chip.count])).toEqual([
      ['全部', 21],
      ['党员', 18],
      ['发展对象', 1],
      ['入党积极分子', 2],
      ['入党申请人', 0],
    ]);
    expect(statusChips(null).every((chip) => chip.count === null)).toBe(true);
  });

  it('says who is missing from an empty category, and where the people on the way come from', () => {
    expect(chipEmpty('all')).toBeNull();
    expect(chipEmpty('members')?.title).toBe('没有党员');
    expect(chipEmpty('activist')).toEqual({
      title: '没有入党积极分子',
      description: '入党申请人、入党积极分子和发展对象由“发展党员”建档后列入花名册。',
    });
  });
});

describe('the people on the way beside the Party members', () => {
  it('counts them apart, and not at all when there are none', () => {
    expect(headcountText(18)).toBe('18 名党员');
    expect(headcountText(18, 0)).toBe('18 名党员');
    expect(headcountText(18, 3)).toBe('18 名党员 · 入党积极分子等 3 人');
    expect(headcountText(0, 2)).toBe('0 名党员 · 入党积极分子等 2 人');
  });

  it('shows their status, 培养联系人 and 入党介绍人 on the roster entry, and the note that 发展党员 keeps them', () => {
    const people = { contacts: [{ memberId: 'm2', name: '王志强' }], sponsors: [] };
    expect(wayRows({ partyStatus: 'activist', ...people })).toEqual([
      ['身份', '入党积极分子'],
      ['培养联系人', '王志强'],
    ]);
    expect(
      wayRows({
        partyStatus: 'probationary',
        contacts: [],
        sponsors: [
          { memberId: 'm2', name: '王志强' },
          { memberId: null, name: '张老师' },
        ],
      }),
    ).toEqual([['入党介绍人', '王志强、张老师']]);
    expect(wayRows({ partyStatus: 'full', contacts: [], sponsors: [] })).toEqual([]);
    expect(wayNote('candidate')).toContain('发展对象的身份、发展步骤和所在支部由“发展党员”记录');
    expect(wayNote('full')).toBeNull();
  });
});
