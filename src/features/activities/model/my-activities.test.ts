import {
  canScanIn,
  canWithdrawLeave,
  clockTime,
  leaveReasonError,
  leaveTag,
  leaveText,
  leaveTone,
  mapLink,
  myStatusTag,
  phaseTag,
  pointsEarnedText,
  signedInText,
} from './my-activities';

describe('myStatusTag', () => {
  it('reads 待参加 before sign-in opens and a red 未签到 while it is open', () => {
    expect(myStatusTag({ expected: true, status: 'expected' }, 'upcoming')).toEqual({
      label: '待参加',
      tone: 'muted',
    });
    expect(myStatusTag({ expected: true, status: 'expected' }, 'signing')).toEqual({
      label: '未签到',
      tone: 'primary',
    });
    expect(myStatusTag({ expected: true, status: 'expected' }, 'running')).toEqual({ label: '未签到', tone: 'muted' });
  });

  it.each([
    ['present', '已签到', 'success'],
    ['late', '迟到', 'warning'],
    ['leave', '请假', 'gold'],
    ['exempt', '免参加', 'muted'],
    ['absent', '缺席', 'primary'],
  ] as const)('labels %s', (status, label, tone) => {
    expect(myStatusTag({ expected: true, status }, 'closed')).toEqual({ label, tone });
  });

  it('says when the member is not expected, and nothing for a cancelled activity', () => {
    expect(myStatusTag({ expected: false, status: null }, 'signing')?.label).toBe('不在应到名单');
    // Someone on the way whom the kind welcomes: may come (列席); once signed in, as anyone.
    expect(myStatusTag({ expected: false, welcome: true, status: null }, 'signing')?.label).toBe('可自愿参加');
    expect(myStatusTag({ expected: false, welcome: true, status: 'present' }, 'closed')?.label).toBe('已签到');
    expect(myStatusTag({ expected: true, status: 'expected' }, 'cancelled')).toBeNull();
    expect(myStatusTag(null, 'signing')).toBeNull();
  });
});

describe('small texts', () => {
  it('labels and tones phases', () => {
    expect(phaseTag('signing')).toEqual({ label: '签到中', tone: 'primary' });
    expect(phaseTag('closed').tone).toBe('muted');
  });

  it('describes leave', () => {
    expect(leaveText(null)).toBe('');
    expect(leaveText({ status: 'pending', note: null })).toBe('请假待审批');
    expect(leaveText({ status: 'rejected', note: '本次会议须参加' })).toBe('请假未批准：本次会议须参加');
    expect(leaveTone('approved')).toBe('success');
    expect(leaveTone('rejected')).toBe('primary');
    expect(leaveTag({ status: 'expected', leave: { status: 'pending', reason: '出差', note: null } })).toEqual({
      label: '请假待审批',
      tone: 'gold',
    });
    expect(leaveTag({ status: 'leave', leave: { status: 'approved', reason: '出差', note: null } })).toBeNull();
    expect(leaveTag({ status: 'expected', leave: null })).toBeNull();
  });

  it('gives China clock times', () => {
    expect(clockTime('2026-11-23T16:05:00.000Z')).toBe('00:05');
    expect(clockTime('nonsense')).toBe('');
  });

  it('states the points an activity earns', () => {
    expect(pointsEarnedText(2, '参加支部党员大会')).toBe('+2 分（参加支部党员大会）');
    expect(pointsEarnedText(3, '')).toBe('+3 分');
    expect(pointsEarnedText(0, '参加支部党员大会')).toBe('本次活动不计积分');
  });

  it('says when the member signed in', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    expect(signedInText('late', '2026-11-23T06:09:00.000Z', now)).toBe('迟到 · 11月23日 14:09');
    expect(signedInText('expected', null, now)).toBe('');
  });
});

describe('rules', () => {
  it('offers the scan only while sign-in is open and the member has not signed in', () => {
    expect(canScanIn('signing', 'expected')).toBe(true);
    expect(canScanIn('signing', 'leave')).toBe(true);
    expect(canScanIn('signing', 'present')).toBe(false);
    expect(canScanIn('running', 'expected')).toBe(false);
  });

  it('checks the leave reason like the server', () => {
    expect(leaveReasonError(' 病 ')).toMatch(/至少 2 个字/);
    expect(leaveReasonError('x'.repeat(201))).toMatch(/最多 200/);
    expect(leaveReasonError('外出培训')).toBeUndefined();
  });
});

describe('canWithdrawLeave', () => {
  const start = '2026-11-23T11:00:00.000Z';
  const before = new Date('2026-11-23T10:40:00.000Z');
  it('offers 撤回 for a pending request before the start only', () => {
    expect(canWithdrawLeave({ phase: 'upcoming', startAt: start }, { status: 'pending' }, before)).toBe(true);
    expect(canWithdrawLeave({ phase: 'signing', startAt: start }, { status: 'pending' }, before)).toBe(true);
    expect(
      canWithdrawLeave({ phase: 'signing', startAt: start }, { status: 'pending' }, new Date('2026-11-23T11:00:00Z')),
    ).toBe(false);
    expect(canWithdrawLeave({ phase: 'upcoming', startAt: start }, { status: 'approved' }, before)).toBe(false);
    expect(canWithdrawLeave({ phase: 'upcoming', startAt: start }, { status: 'rejected' }, before)).toBe(false);
    expect(canWithdrawLeave({ phase: 'upcoming', startAt: start }, null, before)).toBe(false);
    expect(canWithdrawLeave({ phase: 'cancelled', startAt: start }, { status: 'pending' }, before)).toBe(false);
  });
});

describe('mapLink', () => {
  it('opens the place at its GCJ-02 coordinates with its name', () => {
    expect(mapLink({ name: '党群服务中心', lat: 31.2304, lng: 121.4737 })).toBe(
      'https://uri.amap.com/marker?position=121.4737,31.2304&name=%E5%85%9A%E7%BE%A4%E6%9C%8D%E5%8A%A1%E4%B8%AD%E5%BF%83&coordinate=gaode&callnative=1',
    );
  });
});
