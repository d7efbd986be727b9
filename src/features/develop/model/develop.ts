/** 发展党员 for the pages: stage and status words, and a file's steps grouped by stage. Pure: no Taro. */
import {
  DEVELOP_CATEGORY_LABELS,
  DEVELOP_STAGE_NAMES,
  STEP_STATUS_LABELS,
  type DevelopCategory,
  type DevelopStage,
  type StepStatus,
} from '@contracts/labels/develop';
import type { DevelopStepView } from '@contracts';

const STAGE_MARKS = ['', '①', '②', '③', '④', '⑤'];

/** `② 入党积极分子的确定和培养教育`. */
export const stageTitle = (stage: DevelopStage): string => `${STAGE_MARKS[stage]} ${DEVELOP_STAGE_NAMES[stage]}`;
export const categoryLabel = (category: DevelopCategory): string => DEVELOP_CATEGORY_LABELS[category];
export const statusLabel = (status: StepStatus): string => STEP_STATUS_LABELS[status];

export type StatusTone = 'success' | 'warning' | 'primary' | 'muted';
export function statusTone(status: StepStatus): StatusTone {
  if (status === 'done') return 'success';
  if (status === 'late' || status === 'overdue') return 'warning';
  return status === 'next' ? 'primary' : 'muted';
}

/** The file's steps under their stages, in order. */
export function byStage(steps: DevelopStepView[]): Array<{ stage: DevelopStage; steps: DevelopStepView[] }> {
  const groups: Array<{ stage: DevelopStage; steps: DevelopStepView[] }> = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    if (last && last.stage === step.stage) last.steps.push(step);
    else groups.push({ stage: step.stage, steps: [step] });
  }
  return groups;
}

/** A branch's open files by stage in one line: 「①申请 2 · ②积极分子 1 · ③发展对象 0 · ④接收 0 · ⑤预备党员 3」. */
export function pipelineLine(stages: readonly number[]): string {
  const short = ['申请', '积极分子', '发展对象', '接收', '预备党员'];
  return stages.map((n, i) => `${STAGE_MARKS[i + 1]}${short[i]} ${n}`).join(' · ');
}
