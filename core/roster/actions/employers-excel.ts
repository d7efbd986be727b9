import { rosterSchemas, type RosterOutputs } from '../../../contracts/roster';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import { action } from '../../runtime/dispatch';
import { AppError } from '../../runtime/errors';
import { employerId, type EmployerDoc } from '../employers';
import { buildEmployersExport, parseRegister } from '../employers-sheet';
import { employersOfCommittee } from '../queries';
import { employersCommittee, employersView, snapshotCoverage } from './employers';

/**
 * Imports the committee's register of 两新 organisations: each valid row creates or updates its
 * organisation (the committee's list and note are kept); malformed rows are reported and left out.
 */
export const importEmployers = action(
  rosterSchemas.importEmployers,
  async (ctx, input): Promise<RosterOutputs['importEmployers']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    employersCommittee(caller, tree, input.committeeId);
    const parsed = await parseRegister(await ctx.files.read(input.fileID));
    if (!parsed.ok) throw new AppError('INVALID_INPUT', `${parsed.message}，未导入任何数据`, 'file');
    const existing = new Map((await employersOfCommittee(ctx.store, input.committeeId)).map((e) => [e._id, e]));
    const now = ctx.clock().toISOString();
    let created = 0;
    let updated = 0;
    const written: EmployerDoc[] = parsed.rows.map((row) => {
      const id = employerId(input.committeeId, row.name);
      const before = existing.get(id);
      if (before) updated++;
      else created++;
      const base: EmployerDoc = before ?? {
        _id: id,
        committeeId: input.committeeId,
        name: row.name,
        kind: null,
        address: null,
        staff: null,
        hasOrganisation: false,
        list: null,
        note: '',
        createdAt: now,
        updatedAt: now,
      };
      return {
        ...base,
        name: row.name,
        ...(row.kind !== undefined ? { kind: row.kind } : {}),
        ...(row.address !== undefined ? { address: row.address } : {}),
        ...(row.staff !== undefined ? { staff: row.staff } : {}),
        ...(row.hasOrganisation !== undefined ? { hasOrganisation: row.hasOrganisation } : {}),
        updatedAt: now,
      };
    });
    if (written.length) {
      const register = new Map(existing);
      for (const doc of written) register.set(doc._id, doc);
      await ctx.store.transaction(async (tx) => {
        for (const doc of written) await tx.set('employers', doc);
        await snapshotCoverage(tx, ctx, input.committeeId, [...register.values()]);
        await writeAudit(tx, ctx, caller.openid, {
          action: 'employer.import',
          target: `orgs/${input.committeeId}`,
          committeeId: input.committeeId,
          after: { created, updated, refused: parsed.errors.length },
        });
      });
    }
    return { created, updated, errors: parsed.errors };
  },
);

export const exportEmployers = action(
  rosterSchemas.exportEmployers,
  async (ctx, input): Promise<RosterOutputs['exportEmployers']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    const committee = employersCommittee(caller, tree, input.committeeId);
    const view = await employersView(ctx, input.committeeId);
    const content = await buildEmployersExport(committee.name, ctx.clock(), view.items, view.coverage, view.history);
    const name = `${committee.name}两新组织-${chinaDate(ctx.clock())}.xlsx`;
    return { ...(await ctx.files.publish(name, content)), name };
  },
);
