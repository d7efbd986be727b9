import type { DevelopStepView } from '@contracts';
import {
  addTypedName,
  byStage,
  closeReasonProblem,
  peopleLine,
  picksInput,
  picksProblem,
  pipelineLine,
  stageTitle,
  statusTone,
  togglePick,
} from './develop';

const step = (code: string, stage: DevelopStepView['stage']): DevelopStepView => ({
  step: code,
  name: code,
  stage,
  by: 'branch',
  at: null,
  status: 'todo',
  note: null,
  people: [],
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

describe('培养联系人 and 入党介绍人 in the step form', () => {
  const wang = { memberId: 'm2', name: '王志强' };
  const wu = { memberId: 'm8', name: '吴桂兰' };
  const sponsors = { label: '入党介绍人', min: 2, max: 2 };

  it('picks and unpicks roster members, never more than the step takes', () => {
    expect(togglePick([], wang, 2)).toEqual([wang]);
    expect(togglePick([wang], wang, 2)).toEqual([]);
    expect(togglePick([wang, wu], { memberId: 'm9', name: '冯淑珍' }, 2)).toEqual([
      wu,
      { memberId: 'm9', name: '冯淑珍' },
    ]);
  });

  it('adds a typed name once', () => {
    expect(addTypedName([wang], ' 张卫东 ', 2)).toEqual([wang, { memberId: null, name: '张卫东' }]);
    expect(addTypedName([wang], '王志强', 2)).toBeUndefined();
    expect(addTypedName([wang], '  ', 2)).toBeUndefined();
  });

  it('says what is missing, and sends members by id and others by name', () => {
    expect(picksProblem(sponsors, [wang])).toBe('入党介绍人应为 2 名正式党员，已填 1 名');
    expect(picksProblem({ label: '培养联系人', min: 1, max: 2 }, [wang])).toBeUndefined();
    expect(picksProblem(sponsors, [])).toBeUndefined();
    expect(picksInput([wang, { memberId: null, name: '张卫东' }])).toEqual([{ memberId: 'm2' }, { name: '张卫东' }]);
    expect(peopleLine([wang, wu])).toBe('王志强、吴桂兰');
    expect(peopleLine([])).toBe('未填写');
  });

  it('asks for a reason to close a file', () => {
    expect(closeReasonProblem(' 否 ')).toBe('请填写终止发展的原因（至少 2 个字）');
    expect(closeReasonProblem('本人撤回入党申请')).toBeUndefined();
  });
});
