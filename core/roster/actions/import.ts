import { activeHoldersOfPhones, rolesOfAccount } from '../queries';
import { rosterSchemas, type RosterOutputs } from '../../../contracts/roster';
import { can } from '../../shared/permissions';
import { MAX_LISTED_ISSUES, parseRoster, type RosterRow, type RowIssue } from '../roster-sheet';
import type { RoleGrant } from '../../shared/permissions';
import { rolesBeyondReach } from '../../shared/role-precedence';
import type { MemberDoc } from '../documents';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { AppError } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { asPhoneConflict, claimPhone, ensurePhoneKeys, phoneHolder, phoneTakenText } from '../phone-keys';
import { memberOrgOf, placementFor } from '../scope';
import { forgetMembers } from '../../shared/snapshots';

/** Roles held by the members already on the roster under these numbers, by member id. */
async function rolesOfHolders(
  ctx: HandlerContext,
  committeeId: string,
  phones: string[],
): Promise<Map<string, RoleGrant[]>> {
  const roles = new Map<string, RoleGrant[]>();
  for (const holder of await activeHoldersOfPhones(ctx.store, committeeId, phones)) {
    const docs = holder.openid ? await rolesOfAccount(ctx.store, holder.openid) : [];
    if (docs.length)
      roles.set(
        holder._id,
        docs.map((r) => ({ orgId: r.orgId, role: r.role })),
      );
  }
  return roles;
}

/**
 * Every problem is counted; the first {@link MAX_LISTED_ISSUES} are listed (a bad file must not
 * answer megabytes). A problem with the file as a whole (row 0: unreadable, too large, too many
 * rows) is the message itself.
 */
const importFailed = (issues: RowIssue[]) =>
  new AppError(
    'INVALID_INPUT',
    issues.length === 1 && issues[0].row === 0
      ? `${issues[0].message}，未导入任何数据`
      : issues.length > MAX_LISTED_ISSUES
        ? `导入文件有 ${issues.length} 处错误（列出前 ${MAX_LISTED_ISSUES} 处），未导入任何数据，请修改后重新导入`
        : `导入文件有 ${issues.length} 处错误，未导入任何数据，请修改后重新导入`,
    'file',
    [...issues].sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_ISSUES),
  );

/**
 * Imports the rows in one transaction: a row whose number an active member of the branch holds
 * under the same name updates that member; any other row creates a member and claims its number's
 * key. Who holds a number is read from the keys inside the transaction, so two imports of one file
 * at once (a double click) cannot both create: the second finds the first's keys and updates.
 */
export const importMembers = action(
  rosterSchemas.importMembers,
  async (ctx, input): Promise<RosterOutputs['importMembers']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'roster.write', input.orgId);
    const placement = placementFor(tree, input.orgId);
    const content = await ctx.files.read(input.fileID);
    const { rows, issues } = await (ctx.parseRoster ?? parseRoster)(content);

    const groupsByName = new Map(
      tree
        .children(placement.branchId)
        .filter((o) => o.kind === 'group')
        .map((g) => [g.name, g.id]),
    );
    for (const row of rows)
      if (row.group && !groupsByName.has(row.group))
        issues.push({ row: row.row, field: '党小组', message: `本支部没有名为“${row.group}”的党小组` });
    if (issues.length) throw importFailed(issues);

    await ensurePhoneKeys(ctx, tree);
    const holderRoles = await rolesOfHolders(
      ctx,
      placement.committeeId,
      rows.map((r) => r.phone),
    );
    const now = ctx.clock().toISOString();
    let result: RosterOutputs['importMembers'];
    try {
      result = await ctx.store.transaction(async (tx) => {
        let created = 0;
        let updated = 0;
        const rowIssues: RowIssue[] = [];
        const refuse = (row: RosterRow, message: string) => rowIssues.push({ row: row.row, field: '手机号', message });
        for (const row of rows) {
          const current = await phoneHolder(tx, placement.committeeId, row.phone);
          // An empty 党小组 cell keeps an existing member's group; a new member joins the group imported into, if any.
          const groupId = row.group ? (groupsByName.get(row.group) ?? null) : (current?.groupId ?? placement.groupId);
          if (current && (current.branchId !== placement.branchId || current.name !== row.name)) {
            refuse(row, phoneTakenText(caller, tree, current));
            continue;
          }
          if (current && !can(caller.roles, tree, 'roster.write', memberOrgOf(current))) {
            refuse(row, phoneTakenText(caller, tree, current));
            continue;
          }
          const fields = {
            name: row.name,
            phone: row.phone,
            partyStatus: row.partyStatus,
            joinedAt: row.joinedAt,
            fullAt: row.fullAt,
            groupId,
          };
          const unchanged =
            current && Object.entries(fields).every(([key, value]) => current[key as keyof typeof fields] === value);
          // A row that would change a higher role holder's entry is refused, as an edit would be (one's own is not).
          if (
            current &&
            !unchanged &&
            current._id !== caller.member?._id &&
            rolesBeyondReach(tree, caller.roles, 'roster.write', holderRoles.get(current._id) ?? []).length
          ) {
            refuse(row, `${current.name}担任的职务不低于你的职务，不能通过导入修改其花名册记录，请由上级组织办理`);
            continue;
          }
          if (!can(caller.roles, tree, 'roster.write', groupId ?? placement.branchId)) {
            rowIssues.push({ row: row.row, field: '党小组', message: `“${row.group}”不在你的管理范围内` });
            continue;
          }
          if (current && unchanged && holderRoles.has(current._id)) {
            updated++;
          } else if (current) {
            await tx.set('members', {
              ...current,
              ...fields,
              updatedAt: now,
              history: [...current.history, { at: now, action: 'imported', note: 'Excel 导入更新' }],
            });
            updated++;
          } else {
            const member: MemberDoc = {
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
            };
            await claimPhone(tx, member, now);
            await tx.create('members', member);
            created++;
          }
        }
        // Thrown inside the transaction, so that nothing of a file with errors is written.
        if (rowIssues.length) throw importFailed(rowIssues);
        await writeAudit(tx, ctx, caller.openid, {
          action: 'member.import',
          target: `orgs/${input.orgId}`,
          committeeId: placement.committeeId,
          after: { created, updated },
        });
        return { created, updated };
      });
    } catch (error) {
      throw await asPhoneConflict(ctx, caller, tree, error, '（导入时该号码刚被登记，请重新导入）');
    }
    forgetMembers(ctx.store);
    return result;
  },
);
