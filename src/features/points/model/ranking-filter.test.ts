import { PARTY_STATUS_LABELS, PARTY_STATUSES } from '@contracts/labels/common';
import { categoryEmpty, categoryStatuses, RANKING_CATEGORIES, type RankingCategory } from './ranking-filter';

describe('积分排名 by category', () => {
  it.each<[RankingCategory, string[] | undefined]>([
    ['all', undefined],
    ['members', ['full', 'probationary']],
    ['candidate', ['candidate']],
    ['activist', ['activist']],
    ['applicant', ['applicant']],
  ])('%s asks for %j', (key, statuses) => {
    expect(categoryStatuses(key)).toEqual(statuses);
  });

  it('each chip of one status is named as the roster names it; together they cover every status once', () => {
    for (const { label, statuses } of RANKING_CATEGORIES)
      if (statuses?.length === 1) expect(label).toBe(PARTY_STATUS_LABELS[statuses[0]]);
    const covered = RANKING_CATEGORIES.flatMap((c) => c.statuses ?? []);
    expect([...covered].sort()).toEqual([...PARTY_STATUSES].sort());
  });

  it('a fresh list is not shared: changing it changes no chip', () => {
    categoryStatuses('members')?.push('applicant');
    expect(categoryStatuses('members')).toEqual(['full', 'probationary']);
  });

  it('says who is missing from an empty category', () => {
    expect(categoryEmpty('all')).toBeNull();
    expect(categoryEmpty('members')?.title).toBe('没有党员');
    expect(categoryEmpty('activist')).toEqual({
      title: '没有入党积极分子',
      description: expect.stringContaining('发展党员'),
    });
  });
});
