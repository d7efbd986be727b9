import {
  DEVELOP_STAGE_NAMES,
  developSchemas,
  type DevelopOutputs,
  type DevelopStage,
} from '../../../contracts/develop';
import type { HandlerContext } from '../../runtime/context';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import { comparePinyin } from '../../shared/pinyin-order';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { openCandidatesOf } from '../queries';
import { isOverdue, nextStep, stageOf, window } from '../rules';

/** The last day of `date`'s month, `YYYY-MM-DD`. */
export function monthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${date.slice(0, 8)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A person the committee should look at: their next step is overdue, or their 预备期 ends this month. */
export interface PipelinePerson {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  stage: DevelopStage;
  stageName: string;
  nextStepName: string | null;
  /** The overdue step's due date, or the 预备期's end. */
  due: string | null;
}

export type PipelineDetail = DevelopOutputs['pipeline'] & {
  committee: { id: string; name: string };
  today: string;
  /** The last day of this month (China time): 转正 due by it is listed. */
  monthEnd: string;
  /** Open files whose next step is past its due date, the longest overdue first. */
  overdue: PipelinePerson[];
  /** `dueForFull` with their stage and next step, as the export lists them. */
  dueForFullPeople: PipelinePerson[];
};

/**
 * 发展党员 across a committee: open files counted by branch and stage, the overdue among them, and
 * the 预备党员 whose 预备期 (the step the rules mark `probation`, with any extension) ends by this
 * month's end without the step recorded — those the committee must soon hear about for 转正. What
 * `pipeline` answers and `exportPipeline` writes, after the same checks.
 */
export async function loadPipeline(ctx: HandlerContext, committeeId: string): Promise<PipelineDetail> {
  const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
  const committee = tree.get(committeeId);
  if (!committee) throw notFound('组织');
  requirePermission(caller, tree, 'develop.read', committee.id);
  if (committee.kind !== 'committee') throw invalidInput('committeeId', '请选择党委：发展党员总览按党委查看');
  const today = chinaDate(ctx.clock());
  const files = await openCandidatesOf(ctx.store, { committeeId: committee.id });
  const branches = tree
    .all()
    .filter((org) => org.kind === 'branch' && !org.archived && tree.isWithin(org.id, committee.id))
    .sort((a, b) => comparePinyin(a.name, b.name))
    .map((branch) => {
      const own = files.filter((file) => file.branchId === branch.id);
      const stages: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const file of own) stages[stageOf(file) - 1] += 1;
      return {
        orgId: branch.id,
        name: branch.name,
        stages,
        total: own.length,
        overdue: own.filter((file) => isOverdue(file, today)).length,
      };
    });
  const person = (file: (typeof files)[number], due: string | null): PipelinePerson => {
    const stage = stageOf(file);
    return {
      id: file._id,
      name: file.name,
      orgId: file.branchId,
      orgName: tree.get(file.branchId)?.name ?? '',
      stage,
      stageName: DEVELOP_STAGE_NAMES[stage],
      nextStepName: nextStep(file)?.name ?? null,
      due,
    };
  };
  const end = monthEnd(today);
  const dueForFullPeople = files
    .flatMap((file) => {
      const probation = file.config.rules.find((rule) => rule.probation);
      if (!probation || file.records.some((record) => record.step === probation.step)) return [];
      const ends = window(file, probation.step).earliest;
      // Not a 预备党员 yet: the 预备期 has not begun, or the 上级党委 has not approved the admission.
      const admit = file.config.steps.find((step) => step.mark === 'admit')?.code ?? probation.after;
      const recorded = (code: string) => file.records.some((record) => record.step === code);
      if (!ends || !recorded(probation.after) || !recorded(admit) || ends > end) return [];
      return [person(file, ends)];
    })
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  const overdue = files
    .filter((file) => isOverdue(file, today))
    .map((file) => {
      const next = nextStep(file);
      return person(file, next ? window(file, next.code).due : null);
    })
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || comparePinyin(a.name, b.name));
  return {
    committee: { id: committee.id, name: committee.name },
    today,
    monthEnd: end,
    branches,
    dueForFull: dueForFullPeople.map(({ id, name, orgId, orgName, due }) => ({
      id,
      name,
      orgId,
      orgName,
      probationEnds: due ?? '',
    })),
    overdue,
    dueForFullPeople,
  };
}

export const pipeline = action(developSchemas.pipeline, async (ctx, input): Promise<DevelopOutputs['pipeline']> => {
  const { branches, dueForFull } = await loadPipeline(ctx, input.committeeId);
  return { branches, dueForFull };
});
