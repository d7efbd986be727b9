import { PARTY_STATUS_LABELS, PARTY_STATUSES } from '@contracts/labels/common';
import { categoryStatuses, STATUS_CATEGORIES, type StatusCategory } from './status-categories';

describe('the categories 花名册 and 积分排名 filter by', () => {
  it.each<[StatusCategory, string, string[] | undefined]>([
    ['all', '全部', undefined],
    ['members', '党员', ['full', 'probationary']],
    ['candidate', '发展对象', ['candidate']],
    ['activist', '入党积极分子', ['activist']],
    ['applicant', '入党申请人', ['applicant']],
  ])('%s (%s) asks for %j', (key, label, statuses) => {
    expect(STATUS_CATEGORIES.find((c) => c.key === key)?.label).toBe(label);
    expect(categoryStatuses(key)).toEqual(statuses);
  });

  it('lists them in this order', () => {
    expect(STATUS_CATEGORIES.map((c) => c.key)).toEqual(['all', 'members', 'candidate', 'activist', 'applicant']);
  });

  it('each category of one status is named as the roster names it; together they cover every status once', () => {
    for (const { label, statuses } of STATUS_CATEGORIES)
      if (statuses?.length === 1) expect(label).toBe(PARTY_STATUS_LABELS[statuses[0]]);
    const covered = STATUS_CATEGORIES.flatMap((c) => c.statuses ?? []);
    expect([...covered].sort()).toEqual([...PARTY_STATUSES].sort());
  });

  it('a fresh list is not shared: changing it changes no category', () => {
    categoryStatuses('members')?.push('applicant');
    expect(categoryStatuses('members')).toEqual(['full', 'probationary']);
  });
});
