import type { ActivityDetail } from '@contracts';
import {
  ACTIVITY_KIND_OPTIONS,
  activityReasonError,
  closeConsequence,
  deductsAbsence,
  activityFormField,
  activityToForm,
  defaultActivityForm,
  toActivityInput,
  validateActivityForm,
  type ActivityFormValues,
} from './activity-form';
import { exemptionChange, exemptionValues, exemptReasonError } from '@/utils/validation';

// 2026-11-23 10:20 in China.
const now = new Date('2026-11-23T02:20:00Z');

const filled = (over: Partial<ActivityFormValues> = {}): ActivityFormValues => ({
  ...defaultActivityForm(now),
  kind: 'party_congress',
  title: '第四季度支部党员大会',
  ...over,
});

describe('activity form', () => {
  it('offers the nine kinds with their Chinese names, the 条例’s yearly 组织生活会 and 民主评议党员 among them', () => {
    expect(ACTIVITY_KIND_OPTIONS).toHaveLength(9);
    expect(ACTIVITY_KIND_OPTIONS[0]).toEqual({ value: 'party_congress', label: '支部党员大会' });
    expect(ACTIVITY_KIND_OPTIONS.map((o) => o.label)).toEqual(
      expect.arrayContaining(['志愿服务', '组织生活会', '民主评议党员']),
    );
  });

  it('starts a new activity at the next whole hour, or tomorrow morning when it is late', () => {
    const v = defaultActivityForm(now);
    expect([v.date, v.startTime, v.endTime]).toEqual(['2026-11-23', '11:00', '12:00']);
    expect([v.opensBefore, v.closesAfter, v.graceMinutes]).toEqual(['30', '30', '5']);
    expect(v.allExpected).toBe(true);
    const late = defaultActivityForm(new Date('2026-11-23T14:10:00Z')); // 22:10 in China
    expect([late.date, late.startTime, late.endTime]).toEqual(['2026-11-24', '09:00', '10:00']);
  });

  it('sends the default window: 30 minutes either side of the start, 5 minutes grace', () => {
    const input = toActivityInput(filled({ date: '2026-11-25', startTime: '14:30', endTime: '16:00' }), {
      sendMembers: true,
    });
    expect(input).toMatchObject({
      kind: 'party_congress',
      title: '第四季度支部党员大会',
      startAt: '2026-11-25T14:30:00+08:00',
      endAt: '2026-11-25T16:00:00+08:00',
      signInFrom: '2026-11-25T14:00:00+08:00',
      signInUntil: '2026-11-25T15:00:00+08:00',
      graceMinutes: 5,
      place: null,
    });
    expect(input).not.toHaveProperty('expectedMemberIds');
  });

  it('sends a place and a chosen member list', () => {
    const input = toActivityInput(
      filled({
        hasPlace: true,
        placeName: ' 党群服务中心 ',
        lat: '31.2304',
        lng: '121.4737',
        radius: '300',
        allExpected: false,
        expectedMemberIds: ['m1', 'm2'],
        endDate: '2026-11-24',
      }),
      { sendMembers: true },
    );
    expect(input.place).toEqual({ name: '党群服务中心', lat: 31.2304, lng: 121.4737, radius: 300 });
    expect(input.expectedMemberIds).toEqual(['m1', 'm2']);
    expect(input.endAt).toBe('2026-11-24T12:00:00+08:00');
    expect(
      toActivityInput(filled({ allExpected: false, expectedMemberIds: ['m1'] }), { sendMembers: false }),
    ).not.toHaveProperty('expectedMemberIds');
  });

  it('accepts a complete form', () => {
    expect(validateActivityForm(filled(), now)).toEqual({});
  });

  it('names each problem on its field', () => {
    const errors = validateActivityForm(
      filled({
        kind: '',
        title: '会',
        startTime: '15:00',
        endTime: '14:00',
        hasPlace: true,
        placeName: '',
        lat: '100',
        lng: 'x',
        radius: '10',
        graceMinutes: '200',
        allExpected: false,
      }),
      now,
    );
    expect(errors).toEqual({
      kind: '请选择活动类型',
      title: '标题至少 2 个字',
      endTime: '结束时间应晚于开始时间',
      placeName: '请填写地点',
      lat: '请填写纬度（-90 到 90）',
      lng: '请填写经度（-180 到 180）',
      radius: '签到范围应为 50–5000 米的整数',
      graceMinutes: '迟到宽限应为 0–120 分钟',
      expectedMemberIds: '请至少选择一名应到人员',
    });
  });

  it('checks the dates and the sign-in window like the server', () => {
    expect(validateActivityForm(filled({ date: '2026-11-01' }), now).date).toBe('不能安排 7 天以前的活动');
    expect(validateActivityForm(filled({ date: '2028-01-01' }), now).date).toBe('只能安排一年以内的活动');
    expect(validateActivityForm(filled({ endDate: '2026-12-05' }), now).endTime).toBe('活动最长 7 天');
    expect(validateActivityForm(filled({ opensBefore: '0', closesAfter: '0' }), now).closesAfter).toBe(
      '签到截止应晚于签到开始',
    );
    expect(validateActivityForm(filled({ closesAfter: '200' }), now).closesAfter).toBe(
      '签到最晚在活动结束后 2 小时截止',
    );
    expect(validateActivityForm(filled({ opensBefore: '2000' }), now).opensBefore).toBeDefined();
  });

  it('reads an existing activity back into the form', () => {
    const activity = {
      kind: 'volunteer',
      title: '社区环境整治志愿服务',
      startAt: '2026-11-26T01:00:00.000Z',
      endAt: '2026-11-26T04:00:00.000Z',
      signInFrom: '2026-11-26T00:15:00.000Z',
      signInUntil: '2026-11-26T01:20:00.000Z',
      graceMinutes: 10,
      place: { name: '党群服务中心', lat: 31.2304, lng: 121.4737, radius: 300 },
      notes: '自带水杯',
      expectedMemberIds: ['m1', 'm2'],
    } as ActivityDetail;
    const v = activityToForm(activity, ['m1', 'm2']);
    expect(v).toMatchObject({
      kind: 'volunteer',
      date: '2026-11-26',
      startTime: '09:00',
      endTime: '12:00',
      endDate: '',
      hasPlace: true,
      lat: '31.2304',
      radius: '300',
      opensBefore: '45',
      closesAfter: '20',
      graceMinutes: '10',
      allExpected: true,
    });
    const some = activityToForm(activity, ['m1', 'm2', 'm3']);
    expect([some.allExpected, some.expectedMemberIds]).toEqual([false, ['m1', 'm2']]);
    const input = toActivityInput(v, { sendMembers: false });
    expect(Date.parse(input.signInFrom)).toBe(Date.parse(activity.signInFrom));
    expect(Date.parse(input.signInUntil)).toBe(Date.parse(activity.signInUntil));
  });

  it('maps server field paths to the form', () => {
    expect(activityFormField('startAt')).toBe('startTime');
    expect(activityFormField('place.lat')).toBe('lat');
    expect(activityFormField('place')).toBe('placeName');
    expect(activityFormField('expectedMemberIds.3')).toBe('expectedMemberIds');
    expect(activityFormField('signInUntil')).toBe('closesAfter');
    expect(activityFormField('orgId')).toBeUndefined();
    expect(activityFormField(undefined)).toBeUndefined();
  });
});

describe('activity reasons and closing', () => {
  it('asks for a reason of 2 to 200 characters', () => {
    expect(activityReasonError(' 补 ')).toBe('请填写原因（至少 2 个字）');
    expect(activityReasonError('x'.repeat(201), '取消原因')).toBe('取消原因最多 200 个字');
    expect(activityReasonError('手机没电')).toBeUndefined();
  });

  it('explains the absence deduction, except for volunteering', () => {
    expect(closeConsequence('party_congress', 3)).toContain('目前还有 3 人未签到');
    expect(closeConsequence('party_congress', 3)).toContain('无故缺席组织生活');
    expect(closeConsequence('volunteer', 0)).toContain('志愿服务不扣分');
    expect(deductsAbsence('theme_day')).toBe(true);
  });
});

// The roster's 免参加组织生活 (validation.ts), which decides who closing an activity counts absent.
describe('member exemption', () => {
  it('needs a reason when switched on', () => {
    expect(exemptReasonError({ exempt: true, exemptReason: ' ' })).toBe('请填写免参加原因（至少 2 个字）');
    expect(exemptReasonError({ exempt: true, exemptReason: '年'.repeat(61) })).toBe('免参加原因最多 60 个字');
    expect(exemptReasonError({ exempt: false, exemptReason: '' })).toBeUndefined();
  });

  it('sends a change only', () => {
    expect(exemptionChange({ exempt: true, exemptReason: ' 年老体弱 ' }, null)).toEqual({ exemptReason: '年老体弱' });
    expect(exemptionChange({ exempt: false, exemptReason: '年老体弱' }, '年老体弱')).toEqual({ exemptReason: null });
    expect(exemptionChange(exemptionValues('年老体弱'), '年老体弱')).toEqual({});
    expect(exemptionChange(exemptionValues(null), null)).toEqual({});
  });
});
