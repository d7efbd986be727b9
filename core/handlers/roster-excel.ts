import type { FileLink } from '../../contracts/common';
import { rosterSchemas, type RosterOutputs } from '../../contracts/roster';
import { chinaDate } from '../domain/china-time';
import { partyYears } from '../domain/party-years';
import { can } from '../domain/permissions';
import { maskPhone } from '../domain/phone';
import { buildRosterExport, buildTemplate, parseRoster, type RosterRow, type RowIssue } from '../excel/roster-sheet';
import type { MemberDoc } from '../model';
import type { HandlerContext } from '../runtime/context';
import { action } from '../runtime/dispatch';
import { AppError } from '../runtime/errors';
import { MAX_QUERY_LIMIT } from '../store/port';
import { writeAudit } from './audit';
import { loadCaller, loadTree, requireOpenid, requirePermission } from './caller';
import { membersOf, placementFor } from './roster-scope';
import { forgetMembers } from './snapshots';

const XLSX_NAME = (title: string, date: string) => `${title}-${date}.xlsx`;

async function publish(ctx: HandlerContext, name: string, content: Buffer): Promise<FileLink> {
  return { ...(await ctx.files.publish(name, content)), name };
}

export const importTemplate = action(rosterSchemas.importTemplate, async (ctx): Promise<FileLink> => {
  requireOpenid(ctx);
  return publish(ctx, '花名册导入模板.xlsx', await buildTemplate());
});

async function existingByPhone(
  ctx: HandlerContext,
  committeeId: string,
  phones: string[],
): Promise<Map<string, MemberDoc>> {
  const found = new Map<string, MemberDoc>();
  for (let i = 0; i < phones.length; i += 100) {
    const chunk = phones.slice(i, i + 100);
    const docs = await ctx.store.query<MemberDoc>('members', {
      where: { committeeId, status: 'active', phone: { $in: chunk } },
      limit: MAX_QUERY_LIMIT,
    });
    for (const doc of docs) found.set(doc.phone, doc);
  }
  return found;
}

export const importMembers = action(
  rosterSchemas.importMembers,
  async (ctx, input): Promise<RosterOutputs['importMembers']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'roster.write', input.orgId);
    const placement = placementFor(tree, input.orgId);
    const content = await ctx.files.read(input.fileID);
    const { rows, issues } = await parseRoster(content);

    const groupsByName = new Map(
      tree
        .children(placement.branchId)
        .filter((o) => o.kind === 'group')
        .map((g) => [g.name, g.id]),
    );
    const existing = await existingByPhone(
      ctx,
      placement.committeeId,
      rows.map((r) => r.phone),
    );
    const planned: Array<{ row: RosterRow; groupId: string | null; current: MemberDoc | undefined }> = [];
    for (const row of rows) {
      const rowIssues: RowIssue[] = [];
      const current = existing.get(row.phone);
      // An empty 党小组 cell keeps an existing member's group; a new member joins the group imported into, if any.
      const groupId = row.group ? (groupsByName.get(row.group) ?? null) : (current?.groupId ?? placement.groupId);
      if (row.group && !groupId)
        rowIssues.push({ row: row.row, field: '党小组', message: `本支部没有名为“${row.group}”的党小组` });
      if (current && (current.branchId !== placement.branchId || current.name !== row.name))
        rowIssues.push({
          row: row.row,
          field: '手机号',
          message: `该手机号已登记在${tree.get(current.branchId)?.name ?? '其他支部'}的${current.name}名下`,
        });
      issues.push(...rowIssues);
      if (!rowIssues.length) planned.push({ row, groupId, current });
    }
    if (issues.length) {
      issues.sort((a, b) => a.row - b.row);
      throw new AppError(
        'INVALID_INPUT',
        `导入文件有 ${issues.length} 处错误，未导入任何数据，请修改后重新导入`,
        'file',
        issues,
      );
    }

    const now = ctx.clock().toISOString();
    let created = 0;
    let updated = 0;
    await ctx.store.transaction(async (tx) => {
      created = 0;
      updated = 0;
      for (const { row, groupId, current } of planned) {
        const fields = {
          name: row.name,
          phone: row.phone,
          partyStatus: row.partyStatus,
          joinedAt: row.joinedAt,
          fullAt: row.fullAt,
          groupId,
        };
        if (current) {
          const fresh = await tx.get<MemberDoc>('members', current._id);
          if (!fresh) continue;
          await tx.set<MemberDoc>('members', {
            ...fresh,
            ...fields,
            updatedAt: now,
            history: [...fresh.history, { at: now, action: 'imported', note: 'Excel 导入更新' }],
          });
          updated++;
        } else {
          await tx.create<MemberDoc>('members', {
            _id: ctx.newId(),
            ...fields,
            committeeId: placement.committeeId,
            branchId: placement.branchId,
            status: 'active',
            inactiveReason: null,
            openid: null,
            externalOrg: null,
            history: [{ at: now, action: 'imported', note: 'Excel 导入新增' }],
            createdAt: now,
            updatedAt: now,
          });
          created++;
        }
      }
      await writeAudit(tx, ctx, caller.openid, {
        action: 'member.import',
        target: `orgs/${input.orgId}`,
        committeeId: placement.committeeId,
        after: { created, updated },
      });
      forgetMembers(ctx.store);
    });
    return { created, updated };
  },
);

export const exportMembers = action(rosterSchemas.exportMembers, async (ctx, input): Promise<FileLink> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'roster.read', input.orgId);
  const where = { ...membersOf(tree, input.orgId), status: 'active' };
  const members: MemberDoc[] = [];
  for (let skip = 0; ; skip += MAX_QUERY_LIMIT) {
    const page = await ctx.store.query<MemberDoc>('members', {
      where,
      orderBy: [['name', 'asc']],
      limit: MAX_QUERY_LIMIT,
      skip,
    });
    members.push(...page);
    if (page.length < MAX_QUERY_LIMIT) break;
  }
  const today = chinaDate(ctx.clock());
  const title = tree.get(input.orgId)?.name ?? '花名册';
  const content = await buildRosterExport(
    title,
    members.map((m) => ({
      name: m.name,
      phone: can(caller.roles, tree, 'phone.read', m.branchId) ? m.phone : maskPhone(m.phone),
      partyStatus: m.partyStatus,
      joinedAt: m.joinedAt,
      fullAt: m.fullAt,
      group: m.groupId ? (tree.get(m.groupId)?.name ?? null) : null,
      branch: tree.get(m.branchId)?.name ?? '',
      status: '在册',
      partyYears: partyYears(m.partyStatus, m.fullAt, today),
    })),
  );
  await ctx.store.transaction((tx) =>
    writeAudit(tx, ctx, caller.openid, {
      action: 'member.export',
      target: `orgs/${input.orgId}`,
      committeeId: tree.nearest(input.orgId, 'committee')?.id ?? null,
      after: { count: members.length },
    }),
  );
  return publish(ctx, XLSX_NAME(`${title}花名册`, today), content);
});
