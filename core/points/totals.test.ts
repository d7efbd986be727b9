import { periodsOf } from './periods';
import { applyEntry, branchTotalsId, emptyTotals, memberTotalsId, sumsFor, type TotalsDoc } from './totals';

const APRIL = periodsOf(new Date('2026-04-10T02:00:00Z'));
const MAY = periodsOf(new Date('2026-05-10T02:00:00Z'));
const JULY = periodsOf(new Date('2026-07-10T02:00:00Z'));

const fresh = () => emptyTotals('member', 'm1', 'b1', 'c1', 2026);

describe('totals documents', () => {
  it('are addressed per member or branch and year', () => {
    expect(fresh()._id).toBe(memberTotalsId('m1', 2026));
    expect(emptyTotals('branch', 'b1', 'b1', 'c1', 2026)._id).toBe(branchTotalsId('b1', 2026));
    expect(memberTotalsId('m1', 2026)).not.toBe(memberTotalsId('m1', 2027));
  });
});

describe('applyEntry', () => {
  it.each<
    [
      label: string,
      entries: Array<{ rule: string; kind: 'bonus' | 'deduction'; value: number; branchId: string }>,
      total: object,
    ]
  >([
    [
      'a bonus',
      [{ rule: 'volunteer', kind: 'bonus', value: 3, branchId: 'b1' }],
      { bonus: 3, deduction: 0, net: 3, count: 1, participants: 0 },
    ],
    [
      'a deduction',
      [{ rule: 'shirk', kind: 'deduction', value: -3, branchId: 'b1' }],
      { bonus: 0, deduction: 3, net: -3, count: 1, participants: 0 },
    ],
    [
      'a deduction and its reversal: the deduction goes back down',
      [
        { rule: 'shirk', kind: 'deduction', value: -3, branchId: 'b1' },
        { rule: 'shirk', kind: 'deduction', value: 3, branchId: 'b1' },
      ],
      { bonus: 0, deduction: 0, net: 0, count: 2, participants: 0 },
    ],
    [
      'a bonus and its reversal',
      [
        { rule: 'volunteer', kind: 'bonus', value: 3, branchId: 'b1' },
        { rule: 'volunteer', kind: 'bonus', value: -3, branchId: 'b1' },
      ],
      { bonus: 0, deduction: 0, net: 0, count: 2, participants: 0 },
    ],
    [
      'bonuses and deductions together',
      [
        { rule: 'volunteer', kind: 'bonus', value: 3, branchId: 'b1' },
        { rule: 'pioneer', kind: 'bonus', value: 5, branchId: 'b1' },
        { rule: 'discipline', kind: 'deduction', value: -10, branchId: 'b1' },
      ],
      { bonus: 8, deduction: 10, net: -2, count: 3, participants: 0 },
    ],
  ])('%s', (_label, entries, total) => {
    const doc = entries.reduce((d, entry) => applyEntry(d, entry, APRIL), fresh());
    expect(doc.total).toEqual(total);
    expect(doc.months).toEqual({ '04': total });
    expect(doc.quarters).toEqual({ '2': total });
  });

  it('does not change the document it is given', () => {
    const doc = fresh();
    const copy = structuredClone(doc);
    applyEntry(doc, { rule: 'volunteer', kind: 'bonus', value: 3, branchId: 'b1' }, APRIL);
    expect(doc).toEqual(copy);
  });

  it('keeps each month and quarter apart, and the year over all of them', () => {
    let doc: TotalsDoc = fresh();
    doc = applyEntry(doc, { rule: 'volunteer', kind: 'bonus', value: 3, branchId: 'b1' }, APRIL);
    doc = applyEntry(doc, { rule: 'volunteer', kind: 'bonus', value: 3, branchId: 'b1' }, MAY);
    doc = applyEntry(doc, { rule: 'shirk', kind: 'deduction', value: -3, branchId: 'b1' }, JULY);
    expect(sumsFor(doc, 'month', APRIL).net).toBe(3);
    expect(sumsFor(doc, 'month', MAY).net).toBe(3);
    expect(sumsFor(doc, 'month', JULY)).toEqual({ bonus: 0, deduction: 3, net: -3, count: 1, participants: 0 });
    expect(sumsFor(doc, 'quarter', APRIL)).toEqual({ bonus: 6, deduction: 0, net: 6, count: 2, participants: 0 });
    expect(sumsFor(doc, 'quarter', JULY).net).toBe(-3);
    expect(sumsFor(doc, 'year', JULY)).toEqual({ bonus: 6, deduction: 3, net: 3, count: 3, participants: 0 });
    expect(sumsFor(doc, 'month', periodsOf(new Date('2026-06-10T02:00:00Z')))).toEqual({
      bonus: 0,
      deduction: 0,
      net: 0,
      count: 0,
      participants: 0,
    });
    expect(sumsFor(null, 'year', APRIL).net).toBe(0);
  });

  it('counts rule use per month, quarter and year, in the rule’s direction; a reversal gives it back', () => {
    let doc: TotalsDoc = fresh();
    for (let i = 0; i < 3; i++)
      doc = applyEntry(doc, { rule: 'lecture', kind: 'bonus', value: 1, branchId: 'b1' }, APRIL);
    doc = applyEntry(doc, { rule: 'lecture', kind: 'bonus', value: 1, branchId: 'b1' }, MAY);
    doc = applyEntry(doc, { rule: 'shirk', kind: 'deduction', value: -3, branchId: 'b1' }, MAY);
    expect(doc.ruleUse).toEqual({
      'lecture:2026-04': 3,
      'lecture:2026-05': 1,
      'lecture:2026-Q2': 4,
      'lecture:2026': 4,
      'shirk:2026-05': 3,
      'shirk:2026-Q2': 3,
      'shirk:2026': 3,
    });
    doc = applyEntry(doc, { rule: 'shirk', kind: 'deduction', value: 3, branchId: 'b1' }, MAY);
    doc = applyEntry(doc, { rule: 'lecture', kind: 'bonus', value: -1, branchId: 'b1' }, APRIL);
    expect(doc.ruleUse).toMatchObject({ 'lecture:2026-04': 2, 'lecture:2026': 3, 'shirk:2026-05': 0, 'shirk:2026': 0 });
  });
});
