import { rolesOfAccounts } from '../roster';
import type { OrgTree } from '../shared/org-tree';
import type { RoleGrant } from '../shared/permissions';
import { describeRoles, rolesBeyondLedgerReach } from '../shared/role-precedence';
import type { MemberDoc } from '../roster';
import type { HandlerContext } from '../runtime/context';
import { forbidden } from '../runtime/errors';
import type { Caller } from '../shared/caller';

/** What is done to a member's points: recording an item, reversing an entry, deciding an objection. */
export type LedgerChange = 'record' | 'reverse' | 'objection';
const VERB: Record<LedgerChange, string> = {
  record: '为其记分',
  reverse: '冲正其积分记录',
  objection: '处理其异议',
};

/** The roles held by each of the members (by their WeChat identity; an unbound member holds none). */
export async function rolesOfMembers(ctx: HandlerContext, members: MemberDoc[]): Promise<Map<string, RoleGrant[]>> {
  const openids = [...new Set(members.flatMap((m) => (m.openid ? [m.openid] : [])))];
  const byOpenid = new Map<string, RoleGrant[]>();
  for (const doc of await rolesOfAccounts(ctx.store, openids))
    byOpenid.set(doc.openid, [...(byOpenid.get(doc.openid) ?? []), { orgId: doc.orgId, role: doc.role }]);
  return new Map(members.map((m) => [m._id, m.openid ? (byOpenid.get(m.openid) ?? []) : []]));
}

/**
 * Refuses the change, before anything is written, when any of the members holds a role the caller
 * does not rank above (`rolesBeyondLedgerReach`): a lower role never acts on a higher role holder's
 * points. A committee admin ranks above every role but their own, so they are the ones to ask.
 */
export async function requireLedgerReach(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  members: MemberDoc[],
  change: LedgerChange,
): Promise<void> {
  const roles = await rolesOfMembers(ctx, members);
  for (const member of members) {
    const beyond = rolesBeyondLedgerReach(tree, caller.roles, roles.get(member._id) ?? []);
    if (beyond.length)
      throw forbidden(
        `${member.name}担任${describeRoles(tree, beyond)}职务，不低于您的职务，您不能${VERB[change]}，请由党委管理员办理`,
      );
  }
}
