import { comparePinyin, inPinyinOrder } from './pinyin-order';

describe('pinyin order', () => {
  it('orders surnames by 拼音, not by code point', () => {
    const names = ['张', '吴', '刘', '何', '冯', '陈', '安'];
    expect([...names].sort(comparePinyin)).toEqual(['安', '陈', '冯', '何', '刘', '吴', '张']);
  });

  it('orders whole names and keeps equal names in their order', () => {
    const people = [
      { name: '陈秀英', id: 2 },
      { name: '何俊杰', id: 3 },
      { name: '陈建华', id: 4 },
      { name: '陈秀英', id: 1 },
    ];
    expect(inPinyinOrder(people, (p) => p.name).map((p) => p.id)).toEqual([4, 2, 1, 3]);
    expect(people.map((p) => p.id)).toEqual([2, 3, 4, 1]);
  });
});
