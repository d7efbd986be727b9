import { activitySchemas, type ActivityOutputs } from '../../../contracts/activity';
import { branchCadence } from '../branch-cadence';
import { chinaDate } from '../../shared/china-time';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';

export const cadence = action(activitySchemas.cadence, async (ctx, input): Promise<ActivityOutputs['cadence']> => {
  const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
  const org = tree.get(input.orgId);
  if (!org) throw notFound('组织');
  requirePermission(caller, tree, 'activity.run', org.id);
  if (org.kind !== 'branch') throw invalidInput('orgId', '请选择党支部：三会一课按支部计');
  return branchCadence(ctx, tree, org, input.date ?? chinaDate(ctx.clock()));
});
