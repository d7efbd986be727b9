import { pointsSchemas, type PointsOutputs } from '../../../contracts/points';
import { action } from '../../runtime/dispatch';
import { forbidden, invalidInput } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree } from '../../shared/caller';
import { scopesFor } from '../../shared/permissions';
import { forgetRules } from '../../shared/snapshots';
import { loadRules, type RuleSet } from '../rules';
import { committeeOf } from './support';

/** The rules of the caller's committee (their branch's, or that of the org they hold a role on). */
export const rules = action(pointsSchemas.rules, async (ctx) => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const orgId = caller.member?.branchId ?? caller.roles[0]?.orgId;
  const committeeId = orgId ? committeeOf(tree, orgId) : tree.all().find((o) => o.kind === 'committee')?.id;
  return loadRules(ctx.store, committeeId ?? '');
});

export const updateRules = action(
  pointsSchemas.updateRules,
  async (ctx, input): Promise<PointsOutputs['updateRules']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    const committeeId = scopesFor(caller.roles, 'points.admin').find((id) => tree.get(id)?.kind === 'committee');
    if (!committeeId) throw forbidden('只有党委管理员可以修改积分规则');
    const before = await loadRules(ctx.store, committeeId);
    const items = before.items.map((rule) => ({ ...rule }));
    for (const [index, change] of (input.items ?? []).entries()) {
      const rule = items.find((r) => r.code === change.code);
      if (!rule) throw invalidInput(`items.${index}.code`, '没有这个积分项目');
      if (Math.sign(change.value) !== Math.sign(rule.value))
        throw invalidInput(
          `items.${index}.value`,
          rule.kind === 'bonus' ? '加分项的分值应为正数' : '扣分项的分值应为负数',
        );
      rule.value = change.value;
      if (change.cap === null) {
        delete rule.cap;
        delete rule.capPeriod;
      } else if (change.cap !== undefined) rule.cap = change.cap;
      if (change.capPeriod && rule.cap !== undefined) rule.capPeriod = change.capPeriod;
      if (rule.cap !== undefined && !rule.capPeriod) rule.capPeriod = 'month';
      if (change.active !== undefined) rule.active = change.active;
      if (change.candidates !== undefined) rule.candidates = change.candidates;
    }
    const after: RuleSet = { items, settings: { ...before.settings, ...input.settings } };
    await ctx.store.transaction(async (tx) => {
      await tx.set('pointRules', { _id: committeeId, ...after, defaultCaps: 1 });
      await writeAudit(tx, ctx, caller.openid, {
        action: 'points.rules',
        target: `pointRules/${committeeId}`,
        committeeId,
        before,
        after,
      });
    });
    forgetRules(ctx.store);
    return after;
  },
);
