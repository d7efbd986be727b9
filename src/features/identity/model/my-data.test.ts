import type { MyData } from '@contracts';
import { myDataSections } from './my-data';

const NOW = new Date('2026-11-23T06:00:00.000Z');

const empty: MyData = {
  generatedAt: NOW.toISOString(),
  member: null,
  bindings: [],
  roles: [],
  declarations: [],
  attendance: [],
  leaves: [],
  points: [],
  lectures: [],
  objections: [],
};

const full: MyData = {
  ...empty,
  member: {
    id: 'member-004',
    name: '刘洋',
    phone: '13600003333',
    landline: null,
    partyStatus: 'full',
    joinedAt: '2016-11-10',
    fullAt: '2017-11-10',
    orgName: '第一党支部',
    groupName: '第二党小组',
    externalOrg: null,
    status: 'active',
    exemptReason: null,
    gender: '女',
    birthDate: '1990-03-08',
    ethnicity: '回族',
    education: '大学本科',
    workUnit: null,
    categories: ['流动党员'],
    createdAt: '2026-01-01T00:00:00.000Z',
    history: [],
  },
  declarations: [
    {
      id: 'd1',
      status: 'approved',
      name: '刘洋',
      phone: '13600003333',
      partyStatus: 'full',
      joinedAt: '2016-11-10',
      fullAt: '2017-11-10',
      orgName: '第一党支部',
      externalOrg: null,
      reason: null,
      createdAt: '2026-11-01T02:00:00.000Z',
      reviewedAt: '2026-11-02T02:00:00.000Z',
      consent: { version: '2026-12-v1', at: '2026-11-01T02:00:00.000Z' },
    },
  ],
  attendance: [
    {
      activityId: 'a1',
      title: '社区环境整治志愿服务',
      startAt: '2026-11-20T01:00:00.000Z',
      status: 'present',
      at: '2026-11-20T01:05:00.000Z',
      method: 'self',
      note: null,
      points: 3,
      location: { distance: 120, within: true },
    },
  ],
  points: [
    {
      id: 'e1',
      ruleName: '参加志愿服务',
      value: 3,
      reason: '社区环境整治',
      at: '2026-11-20T01:05:00.000Z',
      reverses: null,
    },
  ],
  lectures: [
    {
      lectureId: 'l1',
      title: '党章学习第一课',
      progress: 45,
      completed: false,
      quizPassed: null,
      lastStudiedAt: '2026-11-21T01:00:00.000Z',
      completedAt: null,
    },
  ],
};

describe('我的数据 sections', () => {
  it('lists the sections in the order of the Excel sheets, each saying what an empty one means', () => {
    const sections = myDataSections(empty, NOW);
    expect(sections.map((s) => s.title)).toEqual([
      '名册信息',
      '亮身份申报',
      '签到记录',
      '请假',
      '积分明细',
      '学习进度',
      '积分异议',
    ]);
    for (const section of sections) {
      expect(section.rows).toEqual([]);
      expect(section.empty).toMatch(/^(没有|尚未)/);
    }
  });

  it('shows the consent, the located verdict as a distance, signed points and progress without time', () => {
    const byId = new Map(myDataSections(full, NOW).map((s) => [s.id, s]));
    expect(byId.get('declarations')?.rows[0]).toMatchObject({
      value: '已通过',
      detail: expect.stringContaining('单独同意 2026-12-v1'),
    });
    expect(byId.get('attendance')?.rows[0]).toMatchObject({
      value: '出席',
      detail: expect.stringContaining('距活动地点约 120 米'),
    });
    expect(byId.get('points')?.rows[0]).toMatchObject({ title: '参加志愿服务', value: '+3' });
    const lecture = byId.get('lectures')?.rows[0];
    expect(lecture).toMatchObject({ value: '未完成', detail: '进度 45%' });
    expect(byId.get('profile')?.rows.find((r) => r.title === '手机号')?.value).toBe('13600003333');
    const profile = new Map(byId.get('profile')?.rows.map((r) => [r.key, r.detail]));
    expect(profile.get('personal')).toBe('女 · 1990年3月8日出生 · 回族 · 大学本科');
    expect(profile.get('workUnit')).toBe('未填写');
    expect(profile.get('categories')).toBe('流动党员');
    expect(profile.get('dates')).toBe('2016年11月10日 · 2017年11月10日');
  });

  it('someone on the way to membership: no 入党 / 转正 dates row', () => {
    const applying: MyData = {
      ...full,
      member: full.member && { ...full.member, partyStatus: 'activist', joinedAt: null, fullAt: null },
    };
    const profile = myDataSections(applying, NOW).find((s) => s.id === 'profile')?.rows ?? [];
    expect(profile.find((r) => r.key === 'status')?.value).toBe('入党积极分子');
    expect(profile.some((r) => r.key === 'dates')).toBe(false);
  });
});
