import type { DevelopStepView } from '@contracts';
import { byStage, pipelineLine, stageTitle, statusTone } from './develop';

const step = (code: string, stage: DevelopStepView['stage']): DevelopStepView => ({
  step: code,
  name: code,
  stage,
  by: 'branch',
  at: null,
  status: 'todo',
  note: null,
  earliest: null,
  due: null,
});

describe('发展党员 in the pages', () => {
  it('groups a file’s steps under their stages, in order', () => {
    const groups = byStage([step('a', 1), step('b', 1), step('c', 2), step('d', 4)]);
    expect(groups.map((g) => [g.stage, g.steps.map((s) => s.step)])).toEqual([
      [1, ['a', 'b']],
      [2, ['c']],
      [4, ['d']],
    ]);
  });

  it('names stages with their number and flags what is late', () => {
    expect(stageTitle(2)).toBe('② 入党积极分子的确定和培养教育');
    expect(statusTone('overdue')).toBe('warning');
    expect(statusTone('done')).toBe('success');
  });
});

describe('the committee pipeline line', () => {
  it('names each stage with its count', () => {
    expect(pipelineLine([2, 1, 0, 0, 3])).toBe('①申请 2 · ②积极分子 1 · ③发展对象 0 · ④接收 0 · ⑤预备党员 3');
  });
});
