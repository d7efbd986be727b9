import { developSchemas, type DevelopOutputs } from '../../../contracts/develop';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import { comparePinyin } from '../../shared/pinyin-order';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { openCandidatesOf } from '../queries';
import { isOverdue, stageOf, window } from '../rules';

/** The last day of `date`'s month, `YYYY-MM-DD`. */
function monthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${date.slice(0, 8)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * 发展党员 across a committee: open files counted by branch and stage, the overdue among them, and
 * the 预备党员 whose 预备期 (the step the rules mark `probation`, with any extension) ends by this
 * month's end without the step recorded — those the committee must soon hear about for 转正.
 */
export const pipeline = action(developSchemas.pipeline, async (ctx, input): Promise<DevelopOutputs['pipeline']> => {
  const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
  const committee = tree.get(input.committeeId);
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
  const end = monthEnd(today);
  const dueForFull = files
    .flatMap((file) => {
      const probation = file.config.rules.find((rule) => rule.probation);
      if (!probation || file.records.some((record) => record.step === probation.step)) return [];
      const ends = window(file, probation.step).earliest;
      // No date yet: not admitted as 预备党员 (the 预备期 has not begun).
      if (!ends || !file.records.some((record) => record.step === probation.after) || ends > end) return [];
      return [
        {
          id: file._id,
          name: file.name,
          orgId: file.branchId,
          orgName: tree.get(file.branchId)?.name ?? '',
          probationEnds: ends,
        },
      ];
    })
    .sort((a, b) => a.probationEnds.localeCompare(b.probationEnds));
  return { branches, dueForFull };
});
