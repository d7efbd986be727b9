import { categoryEmpty } from './ranking-filter';

describe('积分排名 by category', () => {
  it('says who is missing from an empty category', () => {
    expect(categoryEmpty('all')).toBeNull();
    expect(categoryEmpty('members')?.title).toBe('没有党员');
    expect(categoryEmpty('activist')).toEqual({
      title: '没有入党积极分子',
      description: expect.stringContaining('发展党员'),
    });
  });
});
