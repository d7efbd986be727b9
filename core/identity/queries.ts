import type { Store } from '../shared/collections';
import { queryAll } from '../shared/paging';
import type { BindingDoc, DeclarationDoc } from './documents';

/**
 * Every read of identity's collections (declarations, bindings) that is not by id. Each is served
 * by an index of `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** Whose declarations a reviewer lists: a committee's, a branch's, or those of outside members placed nowhere. */
export type DeclarationPlace = { committeeId: string | null } | { branchId: string };

/** An account's latest declaration. */
export async function latestDeclaration(store: Store, openid: string): Promise<DeclarationDoc | null> {
  const [latest] = await store.query('declarations', { where: { openid }, orderBy: [['createdAt', 'desc']], limit: 1 });
  return latest ?? null;
}

/** An account's declarations, oldest first. */
export const declarationsOfAccount = (store: Store, openid: string): Promise<DeclarationDoc[]> =>
  queryAll(store, 'declarations', { openid }, 'createdAt');

/** The newest `limit` declarations of a place in one status, newest first (a review list, not an archive). */
export const latestDeclarationsIn = (
  store: Store,
  place: DeclarationPlace,
  status: DeclarationDoc['status'],
  limit: number,
): Promise<DeclarationDoc[]> =>
  store.query('declarations', { where: { ...place, status }, orderBy: [['createdAt', 'desc']], limit });

/** The WeChat accounts bound to these members. */
export async function bindingsOfMembers(store: Store, memberIds: readonly string[]): Promise<BindingDoc[]> {
  const found: BindingDoc[] = [];
  for (let i = 0; i < memberIds.length; i += 100)
    found.push(...(await queryAll(store, 'bindings', { memberId: { $in: memberIds.slice(i, i + 100) } })));
  return found;
}
