import type { Store } from '../shared/collections';
import type { AuditDoc } from '../shared/documents';
import { committeePages, queryAll } from '../shared/paging';
import type { Filter } from '../store/port';
import type { MemberDoc, OrgDoc, RoleDoc } from './documents';
import type { MemberCategory } from '../../contracts/roster';
import { PARTY_STATUSES, type PartyStatus } from '../../contracts/common';
import type { EmployerDoc } from './employers';

/**
 * Every read of the roster's collections (orgs, members, roles) and of the audit log that is not by
 * id. Each is served by an index of `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** Where members are listed: a whole committee, a branch or a group (see `membersOf`). */
export type MemberPlace = { committeeId: string } | { branchId: string } | { groupId: string };

/** How many 初始化 attempts were refused since `since` (ISO time): the caller's, or everyone's. */
export const refusedSetupsSince = (store: Store, since: string, openid?: string): Promise<number> =>
  store.count('setupAttempts', openid ? { openid, at: { $gte: since } } : { at: { $gte: since } });

/** The whole org tree, in the order the nodes were created. */
export const allOrgs = (store: Store): Promise<OrgDoc[]> => queryAll(store, 'orgs', {}, 'createdAt');

/** The roles an account holds, in the order they were given. */
export const rolesOfAccount = (store: Store, openid: string): Promise<RoleDoc[]> =>
  queryAll(store, 'roles', { openid }, 'at');

/** The roles of these accounts. */
export async function rolesOfAccounts(store: Store, openids: readonly string[]): Promise<RoleDoc[]> {
  const found: RoleDoc[] = [];
  for (let i = 0; i < openids.length; i += 100)
    found.push(...(await queryAll(store, 'roles', { openid: { $in: openids.slice(i, i + 100) } })));
  return found;
}

/** The roles held on any of these org nodes. */
export async function rolesOnOrgs(store: Store, orgIds: readonly string[]): Promise<RoleDoc[]> {
  const found: RoleDoc[] = [];
  for (let i = 0; i < orgIds.length; i += 100)
    found.push(...(await queryAll(store, 'roles', { orgId: { $in: orgIds.slice(i, i + 100) } })));
  return found;
}

/** How many active members a branch has. */
export const activeMemberCount = (store: Store, branchId: string): Promise<number> =>
  store.count('members', { branchId, status: 'active' });

/** How many active members a place (a committee, a branch or a group) has; with `statuses`, of those 党员身份. */
export const activeMemberCountOf = (
  store: Store,
  place: MemberPlace,
  statuses?: readonly PartyStatus[],
): Promise<number> =>
  store.count('members', { ...place, status: 'active', ...(statuses ? { partyStatus: { $in: [...statuses] } } : {}) });

/** Whether an activity held by this org node is still open (neither closed nor cancelled). */
export async function hasOpenActivity(store: Store, orgId: string): Promise<boolean> {
  return (await store.query('activities', { where: { orgId, status: 'active' }, limit: 1 })).length > 0;
}

/** The roles held on one org node. */
export const rolesOnOrg = (store: Store, orgId: string): Promise<RoleDoc[]> => queryAll(store, 'roles', { orgId });

/** The active members of a place, by name. */
export const activeMembersOf = (store: Store, place: MemberPlace): Promise<MemberDoc[]> =>
  queryAll(store, 'members', { ...place, status: 'active' }, 'name');

/** The ids of everyone on a group's roster, active or not. */
export async function memberIdsOfGroup(store: Store, groupId: string): Promise<string[]> {
  return (await queryAll(store, 'members', { groupId })).map((member) => member._id);
}

/**
 * One page of a roster list (`where` from `membersOf`, a status, a name search, 党员身份), by name, and how many
 * match. With a 党员分类, the place's matching members are read by name and filtered here: the store
 * has no array-membership filter, and a place's roster is read whole by its exports anyway.
 */
export async function rosterPage(
  store: Store,
  where: Filter,
  page: number,
  pageSize: number,
  category?: MemberCategory,
): Promise<{ docs: MemberDoc[]; total: number }> {
  if (category) {
    const all = await queryAll(store, 'members', where, 'name');
    const marked = all.filter((m) => m.categories?.includes(category));
    return { docs: marked.slice((page - 1) * pageSize, page * pageSize), total: marked.length };
  }
  const [docs, total] = await Promise.all([
    store.query('members', { where, orderBy: [['name', 'asc']], limit: pageSize, skip: (page - 1) * pageSize }),
    store.count('members', where),
  ]);
  return { docs, total };
}

/**
 * How many of a roster list's people (`where` and the 党员分类 as for `rosterPage`, no 党员身份) hold
 * each 党员身份: a count each, or, with a 党员分类, counted over the place's matching members read whole.
 */
export async function statusCounts(
  store: Store,
  where: Filter,
  category?: MemberCategory,
): Promise<Record<PartyStatus, number>> {
  const counts = category
    ? await queryAll(store, 'members', where, 'name').then((all) => {
        const marked = all.filter((m) => m.categories?.includes(category));
        return PARTY_STATUSES.map((status) => marked.filter((m) => m.partyStatus === status).length);
      })
    : await Promise.all(PARTY_STATUSES.map((partyStatus) => store.count('members', { ...where, partyStatus })));
  return Object.fromEntries(PARTY_STATUSES.map((status, i) => [status, counts[i]])) as Record<PartyStatus, number>;
}

/** Active members of a branch with this number, not yet many: at most one once phone keys hold. */
export const activeMembersWithPhone = (store: Store, branchId: string, phone: string): Promise<MemberDoc[]> =>
  store.query('members', { where: { phone, branchId, status: 'active' }, limit: 20 });

/** The active members of a branch with this name (a member without a mobile is found by name). */
export const activeMembersNamed = (store: Store, branchId: string, name: string): Promise<MemberDoc[]> =>
  store.query('members', { where: { branchId, status: 'active', name }, limit: 20 });

/** The active members of a committee holding any of these numbers. */
export async function activeHoldersOfPhones(
  store: Store,
  committeeId: string,
  phones: readonly string[],
): Promise<MemberDoc[]> {
  const found: MemberDoc[] = [];
  for (let i = 0; i < phones.length; i += 100)
    found.push(
      ...(await queryAll(store, 'members', {
        committeeId,
        status: 'active',
        phone: { $in: phones.slice(i, i + 100) },
      })),
    );
  return found;
}

/** A committee's active members a page at a time, in id order. */
export const activeMemberPagesOfCommittee = (store: Store, committeeId: string): AsyncGenerator<MemberDoc[]> =>
  committeePages(store, 'members', committeeId, { status: 'active' });

/** Which audit entries to list: by whom (an openid), what kind, and when (`at` from ≤ at < until, ISO). */
export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  until?: string;
}

/** One page of the audit log of some committees, newest first, and how many entries match. */
export async function auditPage(
  store: Store,
  committeeIds: string[],
  page: number,
  pageSize: number,
  filter: AuditFilter = {},
): Promise<{ docs: AuditDoc[]; total: number }> {
  const at = {
    ...(filter.from ? { $gte: filter.from } : {}),
    ...(filter.until ? { $lt: filter.until } : {}),
  };
  const where: Filter = {
    committeeId: { $in: committeeIds },
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.until ? { at } : {}),
  };
  const [docs, total] = await Promise.all([
    store.query('audit', { where, orderBy: [['at', 'desc']], limit: pageSize, skip: (page - 1) * pageSize }),
    store.count('audit', where),
  ]);
  return { docs, total };
}

/** A committee's register of 两新 organisations, by name. */
export const employersOfCommittee = (store: Store, committeeId: string): Promise<EmployerDoc[]> =>
  queryAll(store, 'employers', { committeeId }, 'name');
