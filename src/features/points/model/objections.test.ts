import type { ObjectionView } from '@contracts';
import {
  canObject,
  offersObjection,
  mergeDecided,
  objectableText,
  objectionNote,
  objectReasonError,
  resolveConsequence,
  resolveReasonError,
} from './objections';

const NOW = new Date('2026-11-23T06:00:00Z'); // 14:00 in China

const view = (id: string, at: string, status: ObjectionView['status'] = 'upheld'): ObjectionView => ({
  id,
  entryId: id.replace('objection:', ''),
  memberId: 'm3',
  memberName: '刘洋',
  ruleName: '推诿任务',
  value: -3,
  entryReason: '未按时完成支部宣传栏更新',
  entryAt: '2026-11-20T02:00:00Z',
  reason: '当天请过假',
  status,
  resolution: '核实属实',
  at,
  recordedByCaller: false,
  canDecide: false,
});

describe('reasons', () => {
  it('asks for at least 2 and at most 200 characters, trimmed', () => {
    expect(objectReasonError(' ')).toBe('请填写异议理由（至少 2 个字）');
    expect(objectReasonError(' 请 ')).toBe('请填写异议理由（至少 2 个字）');
    expect(objectReasonError('请过假')).toBeUndefined();
    expect(objectReasonError('字'.repeat(201))).toBe('异议理由最多 200 个字');
    expect(resolveReasonError('')).toBe('请填写处理理由（至少 2 个字）');
    expect(resolveReasonError('已核实')).toBeUndefined();
  });
});

describe('canObject', () => {
  const entry = { reverses: null, objectableUntil: '2026-11-27T02:00:00Z', objection: null };

  it('allows an own entry within the window', () => {
    expect(canObject(entry, false, NOW)).toBe(true);
  });

  it('refuses reversals, reversed entries, a second objection and a passed or missing deadline', () => {
    expect(canObject({ ...entry, reverses: 'e1' }, false, NOW)).toBe(false);
    expect(canObject(entry, true, NOW)).toBe(false);
    expect(canObject({ ...entry, objection: { status: 'open', resolution: null } }, false, NOW)).toBe(false);
    expect(canObject({ ...entry, objectableUntil: '2026-11-23T05:59:59Z' }, false, NOW)).toBe(false);
    expect(canObject({ ...entry, objectableUntil: null }, false, NOW)).toBe(false);
    expect(canObject({ reverses: null }, false, NOW)).toBe(false);
  });
});

describe('texts', () => {
  it('says until when, in China time', () => {
    expect(objectableText('2026-11-30T06:30:00Z', NOW)).toBe('11月30日 14:30前可提出异议');
    expect(objectableText('2027-01-02T01:00:00Z', NOW)).toBe('2027年1月2日 09:00前可提出异议');
  });

  it('shows the decision and its reason, nothing while open', () => {
    expect(objectionNote({ status: 'upheld', resolution: '核实属实' })).toBe('异议成立：核实属实');
    expect(objectionNote({ status: 'dismissed', resolution: '有签到记录' })).toBe('异议未成立：有签到记录');
    expect(objectionNote({ status: 'dismissed', resolution: null })).toBe('异议未成立');
    expect(objectionNote({ status: 'open', resolution: null })).toBe('');
    expect(objectionNote(null)).toBe('');
  });

  it('states the consequence with the reversal’s sign', () => {
    expect(resolveConsequence({ memberName: '刘洋', value: -3 }, 'uphold')).toMatch(/^将冲正该记录，刘洋 \+3 分。/);
    expect(resolveConsequence({ memberName: '刘洋', value: 2 }, 'uphold')).toMatch(/^将冲正该记录，刘洋 \u22122 分。/);
    expect(resolveConsequence({ memberName: '刘洋', value: -3 }, 'dismiss')).toBe('该记录保持不变，刘洋的积分不变。');
  });
});

describe('mergeDecided', () => {
  it('puts both kinds together, newest first', () => {
    const a = view('objection:a', '2026-11-21T00:00:00Z');
    const b = view('objection:b', '2026-11-22T00:00:00Z', 'dismissed');
    const c = view('objection:c', '2026-11-20T00:00:00Z');
    expect(mergeDecided([a, c], [b]).map((o) => o.id)).toEqual(['objection:b', 'objection:a', 'objection:c']);
  });
});

describe('where 提出异议 is offered', () => {
  it('at once on a deduction, on an award only once the member opens the entry', () => {
    expect(offersObjection({ value: -3 }, false)).toBe(true);
    expect(offersObjection({ value: 2 }, false)).toBe(false);
    expect(offersObjection({ value: 2 }, true)).toBe(true);
  });
});
