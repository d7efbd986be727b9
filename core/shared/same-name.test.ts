import { sameNameTags } from './same-name';

describe('same-name tags', () => {
  it('tells two members of one name apart by 党小组 and phone tail, and leaves the others alone', () => {
    const tags = sameNameTags([
      { id: 'a', name: '陈秀英', group: '第一党小组', phone: '13910015838' },
      { id: 'b', name: '陈秀英', group: '第二党小组', phone: '139****5678' },
      { id: 'c', name: '刘洋', group: '第二党小组', phone: '13910023757' },
      { id: 'd', name: '陈秀英', group: null, phone: '' },
    ]);
    expect([...tags]).toEqual([
      ['a', '第一党小组 尾号5838'],
      ['b', '第二党小组 尾号5678'],
      ['d', '未分党小组'],
    ]);
  });
});
