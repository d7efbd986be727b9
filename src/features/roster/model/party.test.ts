import { partyYearsFigure, partyYearsText } from './party';

describe('党龄 wording', () => {
  it.each([
    [null, '预备期', { figure: '预备期', unit: '', caption: '党龄' }],
    [0, '党龄不满 1 年', { figure: '不满 1', unit: '年', caption: '党龄' }],
    [1, '党龄 1 年', { figure: '1', unit: '年', caption: '党龄' }],
    [47, '党龄 47 年', { figure: '47', unit: '年', caption: '党龄' }],
  ])('%p years reads %p', (years, text, figure) => {
    expect(partyYearsText(years)).toBe(text);
    expect(partyYearsFigure(years)).toEqual(figure);
  });
});
