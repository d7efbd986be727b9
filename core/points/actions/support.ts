import type { OrgTree } from '../../shared/org-tree';
import { scopesFor } from '../../shared/permissions';
import type { HandlerContext } from '../../runtime/context';
import { forbidden, notFound } from '../../runtime/errors';
import type { Doc } from '../../store/port';
import type { Caller } from '../../shared/caller';

export function committeeOf(tree: OrgTree, orgId: string): string {
  const committee = tree.nearest(orgId, 'committee');
  if (!committee) throw notFound('组织');
  return committee.id;
}

/** Documents by id, a hundred ids per query. */
export async function getMany<T extends Doc>(
  ctx: HandlerContext,
  collection: string,
  ids: string[],
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += 100) {
    const docs = await ctx.store.query<T>(collection, { where: { _id: { $in: ids.slice(i, i + 100) } }, limit: 100 });
    for (const doc of docs) found.set(doc._id, doc);
  }
  return found;
}

export function adminCommittee(caller: Caller, tree: OrgTree, message = '只有党委管理员可以核对积分'): string {
  const scope = scopesFor(caller.roles, 'points.admin').find((id) => tree.get(id)?.kind === 'committee');
  if (!scope) throw forbidden(message);
  return scope;
}
