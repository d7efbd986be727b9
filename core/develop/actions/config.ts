import {
  DEFAULT_DEVELOP_RULES,
  DEFAULT_DEVELOP_STEPS,
  developSchemas,
  type DevelopConfig,
  type DevelopOutputs,
} from '../../../contracts/develop';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import type { Store } from '../../shared/collections';
import { configProblem } from '../rules';

const DEFAULT_CONFIG: DevelopConfig = {
  steps: DEFAULT_DEVELOP_STEPS.map((s) => ({ ...s })),
  rules: DEFAULT_DEVELOP_RULES.map((r) => ({ ...r })),
};

/** The committee's step list and rules: its own once its admin has set them, the default until then. */
export async function committeeConfig(
  store: Store,
  committeeId: string,
): Promise<{ config: DevelopConfig; custom: boolean }> {
  const own = await store.get('developConfigs', committeeId);
  return own
    ? { config: { steps: own.steps, rules: own.rules }, custom: true }
    : { config: structuredClone(DEFAULT_CONFIG), custom: false };
}

export const config = action(developSchemas.config, async (ctx, input): Promise<DevelopOutputs['config']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'develop.read', input.orgId);
  const committeeId = tree.nearest(input.orgId, 'committee')?.id;
  if (!committeeId) throw notFound('组织');
  const { config: own, custom } = await committeeConfig(ctx.store, committeeId);
  return { committeeId, ...own, custom };
});

export const setSteps = action(developSchemas.setSteps, async (ctx, input): Promise<DevelopOutputs['setSteps']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'org.manage', input.committeeId);
  if (tree.get(input.committeeId)?.kind !== 'committee') throw invalidInput('committeeId', '请选择党委');
  const problem = configProblem(input.config);
  if (problem) throw invalidInput(`config.${problem.field}`, problem.message);
  const now = ctx.clock().toISOString();
  await ctx.store.transaction(async (tx) => {
    await tx.set('developConfigs', {
      _id: input.committeeId,
      ...input.config,
      updatedBy: caller.openid,
      updatedAt: now,
    });
    await writeAudit(tx, ctx, caller.openid, {
      action: 'develop.config',
      target: `developConfigs/${input.committeeId}`,
      committeeId: input.committeeId,
      after: { steps: input.config.steps.length, rules: input.config.rules.length },
    });
  });
  return { committeeId: input.committeeId };
});
