import { denseRank } from './ranking';

const line = (name: string, net: number) => ({ name, net });

describe('denseRank', () => {
  it.each<[label: string, input: Array<{ name: string; net: number }>, expected: Array<[string, number]>]>([
    [
      'ties share a rank, the next rank follows on (10, 10, 8 → 1, 1, 2)',
      [line('甲', 10), line('乙', 8), line('丙', 10)],
      [
        ['丙', 1],
        ['甲', 1],
        ['乙', 2],
      ],
    ],
    [
      'all different',
      [line('甲', 1), line('乙', 3), line('丙', 2)],
      [
        ['乙', 1],
        ['丙', 2],
        ['甲', 3],
      ],
    ],
    [
      'all equal (including nobody having points)',
      [line('甲', 0), line('乙', 0), line('丙', 0)],
      [
        ['丙', 1],
        ['乙', 1],
        ['甲', 1],
      ],
    ],
    [
      'negative nets rank below zero',
      [line('甲', -3), line('乙', 0), line('丙', 5), line('丁', 5)],
      [
        ['丙', 1],
        ['丁', 1],
        ['乙', 2],
        ['甲', 3],
      ],
    ],
    ['nobody', [], []],
  ])('%s', (_label, input, expected) => {
    const ranked = denseRank(input);
    expect(ranked.map((item) => item.net)).toEqual([...ranked.map((item) => item.net)].sort((a, b) => b - a));
    expect(ranked.map((item) => [item.name, item.rank]).sort()).toEqual([...expected].sort());
  });

  it('keeps the other fields and does not reorder the input', () => {
    const input = [
      { memberId: 'a', name: '甲', net: 1, bonus: 1 },
      { memberId: 'b', name: '乙', net: 4, bonus: 4 },
    ];
    const copy = structuredClone(input);
    expect(denseRank(input)).toEqual([
      { memberId: 'b', name: '乙', net: 4, bonus: 4, rank: 1 },
      { memberId: 'a', name: '甲', net: 1, bonus: 1, rank: 2 },
    ]);
    expect(input).toEqual(copy);
  });
});
