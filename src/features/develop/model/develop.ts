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
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, reasonMessages } from '@contracts/labels/common';

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

/** A 培养联系人 or 入党介绍人 as the form holds them: picked from the roster (`memberId`) or typed (`memberId` null). */
export interface PersonPick {
  memberId: string | null;
  name: string;
}

/** `王志强、张卫东`, or `未填写`. */
export const peopleLine = (people: readonly PersonPick[]): string =>
  people.length ? people.map((p) => p.name).join('、') : '未填写';

/** Picks a roster member, or lets them go when already picked; at most `max` at once (the oldest pick gives way). */
export function togglePick(picks: readonly PersonPick[], person: PersonPick, max: number): PersonPick[] {
  if (picks.some((p) => p.memberId && p.memberId === person.memberId))
    return picks.filter((p) => p.memberId !== person.memberId);
  const next = [...picks, person];
  return next.slice(Math.max(0, next.length - max));
}

/** Adds a typed name; `undefined` when it is blank or already there. */
export function addTypedName(picks: readonly PersonPick[], raw: string, max: number): PersonPick[] | undefined {
  const name = raw.trim();
  if (!name || picks.some((p) => p.name === name)) return undefined;
  return togglePick(picks, { memberId: null, name }, max);
}

/** Why the picks will not do for the step (`{ label, min, max }` from `develop.get`'s `nextPeople`), or undefined. */
export function picksProblem(
  rule: { label: string; min: number; max: number },
  picks: readonly PersonPick[],
): string | undefined {
  if (!picks.length) return undefined;
  if (picks.length < rule.min || picks.length > rule.max)
    return rule.min === rule.max
      ? `${rule.label}应为 ${rule.min} 名正式党员，已填 ${picks.length} 名`
      : `${rule.label}为 ${rule.min}–${rule.max} 名正式党员，已填 ${picks.length} 名`;
  return undefined;
}

/** The picks as `develop.recordStep` takes them. */
export const picksInput = (picks: readonly PersonPick[]): Array<{ memberId: string } | { name: string }> =>
  picks.map((p) => (p.memberId ? { memberId: p.memberId } : { name: p.name }));

/** Why a 终止发展 reason will not do, or undefined. */
export function closeReasonProblem(raw: string): string | undefined {
  const reason = raw.trim();
  if (reason.length < REASON_MIN_LENGTH) return reasonMessages('终止发展的原因').tooShort;
  if (reason.length > REASON_MAX_LENGTH) return reasonMessages('终止发展的原因').tooLong;
  return undefined;
}
