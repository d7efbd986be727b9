import { coverageText, factsText, importText, listText, membersText, suggestionText } from './employers';

describe('两新组织 page texts', () => {
  it.each([
    [null, '—'],
    [0, '0.0%'],
    [0.25, '25.0%'],
    [0.333, '33.3%'],
    [1, '100.0%'],
  ])('coverage %p reads %s', (coverage, text) => {
    expect(coverageText(coverage)).toBe(text);
  });

  it('says the members found', () => {
    expect(membersText({ full: 0, probationary: 0 })).toBe('未发现党员');
    expect(membersText({ full: 2, probationary: 0 })).toBe('正式党员 2 人');
    expect(membersText({ full: 3, probationary: 1 })).toBe('正式党员 3 人 · 预备党员 1 人');
  });

  it('says the suggestion, and nothing to form where a Party organisation exists', () => {
    expect(suggestionText({ suggestion: 'single', hasOrganisation: false })).toBe('建议单独组建');
    expect(suggestionText({ suggestion: 'joint', hasOrganisation: false })).toBe('建议联合组建或选派党建指导员');
    expect(suggestionText({ suggestion: 'none', hasOrganisation: false })).toBe('暂无党员，无需组建');
    expect(suggestionText({ suggestion: 'none', hasOrganisation: true })).toBe('已建党组织');
  });

  it('says the facts, the list and the import', () => {
    expect(factsText({ kind: 'social', staff: 35, hasOrganisation: true })).toBe(
      '社会组织 · 从业人员 35 人 · 已建党组织',
    );
    expect(factsText({ kind: null, staff: null, hasOrganisation: false })).toBe('未建党组织');
    expect(listText('focus')).toBe('重点攻坚');
    expect(listText(null)).toBe('未归类');
    expect(importText({ created: 4, updated: 0, errors: [{}, {}] })).toBe('新增 4 家，更新 0 家，2 处错误未导入');
  });
});
