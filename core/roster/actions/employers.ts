import { rosterSchemas, type EmployerItem, type RosterOutputs } from '../../../contracts/roster';
import { latestDeclarationsIn } from '../../identity';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, type Caller } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import type { Tx } from '../../shared/collections';
import type { OrgRecord, OrgTree } from '../../shared/org-tree';
import { can } from '../../shared/permissions';
import { comparePinyin } from '../../shared/pinyin-order';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { forbidden, invalidInput, notFound } from '../../runtime/errors';
import {
  countByEmployer,
  coverageOf,
  employerId,
  normaliseEmployer,
  suggestFor,
  withSnapshot,
  type EmployerDoc,
} from '../employers';
import { activeMembersOf, employersOfCommittee } from '../queries';

/** Pending declarations read per committee: far more than a committee has waiting at once. */
const PENDING_READ = 1000;

/** The committee `committeeId` is, where the caller is its admin (org.manage); FORBIDDEN otherwise. */
export function employersCommittee(caller: Caller, tree: OrgTree, committeeId: string): OrgRecord {
  const committee = tree.get(committeeId);
  if (!committee) throw notFound('组织');
  if (!can(caller.roles, tree, 'org.manage', committee.id)) throw forbidden('只有党委管理员可以管理两新组织');
  if (committee.kind !== 'committee') throw invalidInput('committeeId', '请选择党委');
  return committee;
}

/** This month's coverage in the committee's history, written in the transaction that changed the register. */
export async function snapshotCoverage(
  tx: Tx,
  ctx: HandlerContext,
  committeeId: string,
  register: ReadonlyArray<{ hasOrganisation: boolean }>,
): Promise<void> {
  const current = await tx.get('employerCoverage', committeeId);
  const point = { month: chinaDate(ctx.clock()).slice(0, 7), coverage: coverageOf(register) };
  await tx.set('employerCoverage', { _id: committeeId, history: withSnapshot(current?.history ?? [], point) });
}

/** The register with the members found in each organisation, the suggestions and the coverage. */
export async function employersView(ctx: HandlerContext, committeeId: string): Promise<RosterOutputs['employers']> {
  const [register, members, pending, coverageDoc] = await Promise.all([
    employersOfCommittee(ctx.store, committeeId),
    activeMembersOf(ctx.store, { committeeId }),
    latestDeclarationsIn(ctx.store, { committeeId }, 'pending', PENDING_READ),
    ctx.store.get('employerCoverage', committeeId),
  ]);
  // A declarant already on the roster is counted once, as the roster has them.
  const onRoster = new Set(members.flatMap((m) => (m.phone ? [m.phone] : [])));
  const counts = countByEmployer([
    ...members,
    ...pending.filter((d) => !onRoster.has(d.phone)).map((d) => ({ workUnit: d.employer, partyStatus: d.partyStatus })),
  ]);
  const items = [...register]
    .sort((a, b) => comparePinyin(a.name, b.name))
    .map((doc) => itemOf(doc, counts.get(normaliseEmployer(doc.name)) ?? { full: 0, probationary: 0 }));
  return { items, coverage: coverageOf(register), history: coverageDoc?.history ?? [] };
}

function itemOf(doc: EmployerDoc, count: { full: number; probationary: number }): EmployerItem {
  return {
    employer: doc.name,
    kind: doc.kind,
    address: doc.address,
    staff: doc.staff,
    full: count.full,
    probationary: count.probationary,
    hasOrganisation: doc.hasOrganisation,
    suggestion: suggestFor(count.full, count.probationary, doc.hasOrganisation),
    list: doc.list,
    note: doc.note,
  };
}

export const employers = action(rosterSchemas.employers, async (ctx, input): Promise<RosterOutputs['employers']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  employersCommittee(caller, tree, input.committeeId);
  return employersView(ctx, input.committeeId);
});

export const fileEmployer = action(
  rosterSchemas.fileEmployer,
  async (ctx, input): Promise<RosterOutputs['fileEmployer']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    employersCommittee(caller, tree, input.committeeId);
    const id = employerId(input.committeeId, input.employer);
    const register = await employersOfCommittee(ctx.store, input.committeeId);
    const now = ctx.clock().toISOString();
    await ctx.store.transaction(async (tx) => {
      const before = await tx.get('employers', id);
      const after: EmployerDoc = {
        ...(before ?? {
          _id: id,
          committeeId: input.committeeId,
          name: input.employer.replace(/\s+/g, ' '),
          kind: null,
          address: null,
          staff: null,
          hasOrganisation: false,
          list: null,
          note: '',
          createdAt: now,
        }),
        ...(input.list !== undefined ? { list: input.list } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.hasOrganisation !== undefined ? { hasOrganisation: input.hasOrganisation } : {}),
        updatedAt: now,
      };
      await tx.set('employers', after);
      if (!before || before.hasOrganisation !== after.hasOrganisation)
        await snapshotCoverage(tx, ctx, input.committeeId, [...register.filter((e) => e._id !== id), after]);
      await writeAudit(tx, ctx, caller.openid, {
        action: 'employer.file',
        target: `employers/${id}`,
        committeeId: input.committeeId,
        before: before && { list: before.list, note: before.note, hasOrganisation: before.hasOrganisation },
        after: { list: after.list, note: after.note, hasOrganisation: after.hasOrganisation },
      });
    });
    const view = await employersView(ctx, input.committeeId);
    const item = view.items.find((i) => normaliseEmployer(i.employer) === normaliseEmployer(input.employer));
    if (!item) throw notFound('两新组织');
    return item;
  },
);
