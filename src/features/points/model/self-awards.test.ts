import { causeRoute, CAUSE_LINK_TEXT } from './self-awards';

describe('a self-award links to its cause', () => {
  it.each<[kind: 'activity' | 'lecture' | 'member', route: string, text: string]>([
    ['activity', '/packages/secretary/pages/activity/index?id=act-1', '查看活动'],
    ['lecture', '/packages/secretary/pages/study/index?id=lec-1', '查看课程'],
    ['member', '/packages/secretary/pages/member/index?id=member-001', '查看党员'],
  ])('%s → %s', (kind, route, text) => {
    const id = { activity: 'act-1', lecture: 'lec-1', member: 'member-001' }[kind];
    expect(causeRoute({ kind, id, title: '标题' })).toBe(route);
    expect(CAUSE_LINK_TEXT[kind]).toBe(text);
  });
});
