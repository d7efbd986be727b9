import { activeMembersOf } from '../queries';
import type { FileLink } from '../../../contracts/common';
import { rosterSchemas } from '../../../contracts/roster';
import { chinaDate } from '../../shared/china-time';
import { partyYears } from '../../shared/party-years';
import { can } from '../../shared/permissions';
import { shownNumber } from '../../shared/phone';
import { buildTemplate } from '../roster-sheet';
import { buildRosterExport, rosterKind } from '../roster-export';
import { isPartyMember } from '../../../contracts/labels/common';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requireOpenid, requirePermission } from '../../shared/caller';
import { membersOf, profileOf } from '../scope';
import type { MemberDoc } from '../documents';

/** The member's profile as the export's columns hold it. */
function profileColumns(m: MemberDoc) {
  const p = profileOf(m);
  return { ...p, categories: p.categories.join('、') };
}

const XLSX_NAME = (title: string, date: string) => `${title}-${date}.xlsx`;

async function publish(ctx: HandlerContext, name: string, content: Buffer): Promise<FileLink> {
  return { ...(await ctx.files.publish(name, content)), name };
}

export const importTemplate = action(rosterSchemas.importTemplate, async (ctx): Promise<FileLink> => {
  requireOpenid(ctx);
  return publish(ctx, '花名册导入模板.xlsx', await buildTemplate());
});

export const exportMembers = action(rosterSchemas.exportMembers, async (ctx, input): Promise<FileLink> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'roster.read', input.orgId);
  const { statuses } = input;
  const everyone = await activeMembersOf(ctx.store, membersOf(tree, input.orgId));
  const members = statuses ? everyone.filter((m) => statuses.includes(m.partyStatus)) : everyone;
  const today = chinaDate(ctx.clock());
  const title = tree.get(input.orgId)?.name ?? '花名册';
  const kind = rosterKind(
    statuses,
    members.some((m) => !isPartyMember(m.partyStatus)),
  );
  const content = await buildRosterExport(
    title,
    ctx.clock(),
    members.map((m) => ({
      name: m.name,
      phone: shownNumber(m.phone, can(caller.roles, tree, 'phone.read', m.branchId)) ?? '',
      partyStatus: m.partyStatus,
      joinedAt: m.joinedAt,
      fullAt: m.fullAt,
      group: m.groupId ? (tree.get(m.groupId)?.name ?? null) : null,
      branch: tree.get(m.branchId)?.name ?? '',
      status: '在册',
      ...profileColumns(m),
      partyYears: partyYears(m.partyStatus, m.fullAt, today),
    })),
    kind,
  );
  await ctx.store.transaction((tx) =>
    writeAudit(tx, ctx, caller.openid, {
      action: 'member.export',
      target: `orgs/${input.orgId}`,
      committeeId: tree.nearest(input.orgId, 'committee')?.id ?? null,
      after: { count: members.length, ...(statuses ? { statuses } : {}) },
    }),
  );
  return publish(ctx, XLSX_NAME(`${title}${statuses ? kind : '花名册'}`, today), content);
});
