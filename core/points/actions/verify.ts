import { pointsSchemas } from '../../../contracts/points';
import { action } from '../../runtime/dispatch';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree } from '../../shared/caller';
import { rebuildTotals, verifyTotals } from '../verify';
import { adminCommittee } from './support';

export const verify = action(pointsSchemas.verify, async (ctx) => {
  const caller = await loadCaller(ctx);
  return verifyTotals(ctx.store, adminCommittee(caller, await loadTree(ctx)));
});

export const rebuild = action(pointsSchemas.rebuild, async (ctx) => {
  const caller = await loadCaller(ctx);
  const committeeId = adminCommittee(caller, await loadTree(ctx));
  const result = await rebuildTotals(ctx.store, committeeId);
  await ctx.store.transaction((tx) =>
    writeAudit(tx, ctx, caller.openid, {
      action: 'points.rebuild',
      target: `committee/${committeeId}`,
      committeeId,
      after: result,
    }),
  );
  return result;
});
