import { OrgTree, type OrgRecord } from './org-tree';

const ORGS: OrgRecord[] = [
  { id: 'c', name: '示范党委', kind: 'committee', parentId: null },
  { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c' },
  { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c' },
  { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' },
  { id: 'g2', name: '第二党小组', kind: 'group', parentId: 'b1' },
  { id: 'g3', name: '二支部党小组', kind: 'group', parentId: 'b2' },
];

describe('OrgTree', () => {
  const tree = new OrgTree(ORGS);

  it('looks orgs up by id', () => {
    expect(tree.get('g1')?.name).toBe('第一党小组');
    expect(tree.get('nope')).toBeUndefined();
    expect(tree.all().map((o) => o.id)).toEqual(['c', 'b1', 'b2', 'g1', 'g2', 'g3']);
  });

  it.each([
    ['c', ['c']],
    ['b1', ['b1', 'c']],
    ['g2', ['g2', 'b1', 'c']],
    ['g3', ['g3', 'b2', 'c']],
    ['nope', []],
  ])('lineage(%s) runs from the node up to the root', (id, chain) => {
    expect(tree.lineage(id).map((o) => o.id)).toEqual(chain);
  });

  it.each([
    ['g1', 'g1', true],
    ['g1', 'b1', true],
    ['g1', 'c', true],
    ['b1', 'c', true],
    ['c', 'c', true],
    ['g1', 'b2', false],
    ['g3', 'b1', false],
    ['b1', 'g1', false],
    ['c', 'b1', false],
    ['b2', 'b1', false],
    ['nope', 'c', false],
    ['g1', 'nope', false],
  ])('isWithin(%s, %s) → %s', (id, ancestor, expected) => {
    expect(tree.isWithin(id, ancestor)).toBe(expected);
  });

  it.each([
    ['g1', 'branch', 'b1'],
    ['g1', 'committee', 'c'],
    ['b2', 'branch', 'b2'],
    ['b2', 'group', undefined],
    ['c', 'branch', undefined],
    ['nope', 'committee', undefined],
  ] as const)('nearest(%s, %s) → %s', (id, kind, expected) => {
    expect(tree.nearest(id, kind)?.id).toBe(expected);
  });

  it('lists children', () => {
    expect(tree.children('c').map((o) => o.id)).toEqual(['b1', 'b2']);
    expect(tree.children('b1').map((o) => o.id)).toEqual(['g1', 'g2']);
    expect(tree.children('g1')).toEqual([]);
  });

  it('terminates on a corrupted, cyclic parent chain', () => {
    const cyclic = new OrgTree([
      { id: 'a', name: 'A', kind: 'branch', parentId: 'b' },
      { id: 'b', name: 'B', kind: 'branch', parentId: 'a' },
    ]);
    expect(cyclic.lineage('a').map((o) => o.id)).toEqual(['a', 'b']);
    expect(cyclic.isWithin('a', 'x')).toBe(false);
  });
});
