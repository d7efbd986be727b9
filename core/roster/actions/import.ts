import { createHash } from 'node:crypto';
import { activeHoldersOfPhones, activeMembersOf, rolesOfAccount } from '../queries';
import type { FileLink } from '../../../contracts/common';
import { rosterSchemas, type ImportIssue, type ImportPreview, type RosterOutputs } from '../../../contracts/roster';
import { can } from '../../shared/permissions';
import { maskPhone } from '../../shared/phone';
import { MAX_LISTED_ISSUES, parseRoster, type ParsedRoster, type RosterRow, type RowIssue } from '../roster-sheet';
import { buildRefusedRows } from '../import/refused-sheet';
import { PREVIEW_MINUTES, type ImportPreviewDoc } from '../import/preview-doc';
import type { RoleGrant } from '../../shared/permissions';
import { rolesBeyondReach } from '../../shared/role-precedence';
import type { OrgTree } from '../../shared/org-tree';
import type { MemberDoc } from '../documents';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import type { Tx } from '../../shared/collections';
import { asPhoneConflict, claimPhone, ensurePhoneKeys, phoneHolder, phoneTakenText } from '../phone-keys';
import { memberOrgOf, placementFor, profileOf } from '../scope';
import { checkBirthDate } from './members';
import { chinaDate } from '../../shared/china-time';
import { forgetMembers } from '../../shared/snapshots';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../../contracts/labels/common';

/** Members named in a preview's list (the counts are always whole). */
const MAX_PREVIEW_MEMBERS = 200;

/** Roles held by the members already on the roster under these numbers, by member id. */
async function rolesOfHolders(
  ctx: HandlerContext,
  committeeId: string,
  rows: readonly RosterRow[],
): Promise<Map<string, RoleGrant[]>> {
  const roles = new Map<string, RoleGrant[]>();
  const phones = rows.flatMap((r) => (r.phone ? [r.phone] : []));
  const matched = await Promise.all(rows.flatMap((r) => (r.matchedId ? [ctx.store.get('members', r.matchedId)] : [])));
  const holders = [...(await activeHoldersOfPhones(ctx.store, committeeId, phones)), ...matched];
  for (const holder of holders) {
    if (!holder) continue;
    const docs = holder.openid ? await rolesOfAccount(ctx.store, holder.openid) : [];
    if (docs.length)
      roles.set(
        holder._id,
        docs.map((r) => ({ orgId: r.orgId, role: r.role })),
      );
  }
  return roles;
}

const byRow = (a: RowIssue, b: RowIssue) => a.row - b.row;
const refusedRowCount = (issues: readonly RowIssue[]) => new Set(issues.map((i) => i.row)).size;

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
    [...issues].sort(byRow).slice(0, MAX_LISTED_ISSUES),
  );

/** A problem with the file as a whole (unreadable, no header, no rows): nothing to preview or import. */
const fileFailure = (parsed: ParsedRoster) =>
  parsed.issues.some((i) => i.row === 0 || i.field === 'header') ? importFailed(parsed.issues) : null;

interface Plan {
  caller: Caller;
  tree: OrgTree;
  placement: ReturnType<typeof placementFor>;
  parsed: ParsedRoster;
  digest: string;
  groupsByName: Map<string, string>;
  /** Rows left after the checks made before the transaction, with masked numbers resolved. */
  rows: RosterRow[];
  /** Problems found before the transaction (the file's own, groups, masked numbers). */
  issues: RowIssue[];
  /** The file's warnings, and profile cells left out because they contradict the row. */
  warnings: RowIssue[];
}

/** Reads and checks the file, and resolves what can be resolved before the transaction. */
async function plan(ctx: HandlerContext, orgId: string, fileID: string): Promise<Plan> {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'roster.write', orgId);
  const placement = placementFor(tree, orgId);
  const content = await ctx.files.read(fileID);
  const parsed = await (ctx.parseRoster ?? parseRoster)(content);
  const failure = fileFailure(parsed);
  if (failure) throw failure;
  const issues = [...parsed.issues];
  const groupsByName = new Map(
    tree
      .children(placement.branchId)
      .filter((o) => o.kind === 'group' && !o.archived)
      .map((g) => [g.name, g.id]),
  );
  const rows: RosterRow[] = [];
  const warnings = [...(parsed.warnings ?? [])];
  const today = chinaDate(ctx.clock());
  const branchMembers = await activeMembersOf(ctx.store, { branchId: placement.branchId });
  const masked = maskedHolders(branchMembers);
  const seen = new Map<string, number>();
  const phoneless = new Map<string, number>();
  for (const parsedRow of parsed.rows) {
    let row = parsedRow;
    const issue = (field: 'phone' | 'group', message: string) =>
      issues.push({
        row: row.row,
        field: field === 'phone' ? '手机号' : '党小组',
        message,
        column: parsed.columnNames?.[field] ?? (field === 'phone' ? '手机号' : '党小组'),
        value: field === 'phone' ? (parsedRow.phone ?? parsedRow.landline ?? '') : (row.group ?? ''),
      });
    if (row.phoneMasked) {
      const holder = masked.get(`${row.name}\u0000${row.phone}`);
      if (!holder) {
        issue(
          'phone',
          `手机号「${row.phone}」隐去了中间四位，本支部没有这个号码的${row.name}：新党员请填写完整的 11 位手机号`,
        );
        continue;
      }
      // Still marked: the number is shown masked in messages, as the file had it.
      row = { ...row, phone: holder.phone };
    }
    if (row.phone) {
      const earlier = seen.get(row.phone);
      if (earlier !== undefined) {
        issue('phone', `手机号「${parsedRow.phone}」与第 ${earlier} 行是同一个号码`);
        continue;
      }
      seen.set(row.phone, row.row);
      // A member the roster keeps without a mobile, now given one: the one namesake without a number.
      const unnumbered = branchMembers.filter((m) => m.name === row.name && !m.phone);
      if (unnumbered.length === 1) row = { ...row, matchedId: unnumbered[0]._id };
    } else {
      // No mobile: the member is the branch's one member of that name, or a new one.
      const earlier = phoneless.get(row.name);
      if (earlier !== undefined) {
        issue('phone', `${row.name}与第 ${earlier} 行同名且都没有手机号，无法区分：请至少为其中一位填写手机号`);
        continue;
      }
      phoneless.set(row.name, row.row);
      const namesakes = branchMembers.filter((m) => m.name === row.name);
      if (namesakes.length > 1) {
        issue('phone', `本支部有 ${namesakes.length} 位${row.name}，没有手机号无法确定是哪一位：请填写手机号`);
        continue;
      }
      if (namesakes.length) row = { ...row, matchedId: namesakes[0]._id };
    }
    if (row.group && !groupsByName.has(row.group)) {
      issue('group', `本支部没有名为“${row.group}”的党小组`);
      continue;
    }
    const birthDate = row.profile?.birthDate;
    if (birthDate) {
      try {
        checkBirthDate(birthDate, row.joinedAt, today);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        warnings.push({
          row: row.row,
          field: '出生日期',
          message: `${error.message}；出生日期此项未导入`,
          column: parsed.columnNames?.birthDate ?? '出生日期',
          value: birthDate,
        });
        row = { ...row, profile: { ...row.profile, birthDate: undefined } };
        delete row.profile?.birthDate;
      }
    }
    rows.push(row);
  }
  const digest = createHash('sha256').update(content).digest('hex');
  return { caller, tree, placement, parsed, digest, groupsByName, rows, issues, warnings };
}

/**
 * The members a masked number (139****5678, from the roster's own export) stands for: the one
 * active member of the branch with that name whose number shows so. Two such members: none.
 */
function maskedHolders(branchMembers: readonly MemberDoc[]): Map<string, MemberDoc> {
  const found = new Map<string, MemberDoc>();
  const ambiguous = new Set<string>();
  for (const member of branchMembers) {
    if (!member.phone) continue;
    const key = `${member.name}\u0000${maskPhone(member.phone)}`;
    if (found.has(key)) ambiguous.add(key);
    found.set(key, member);
  }
  for (const key of ambiguous) found.delete(key);
  return found;
}

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '手机号',
  landline: '固定电话',
  partyStatus: '党员身份',
  joinedAt: '入党日期',
  fullAt: '转正日期',
  groupId: '党小组',
  gender: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  education: '学历',
  workUnit: '工作单位',
  categories: '党员分类',
};

type Decision =
  | { kind: 'create' | 'update' | 'unchanged'; row: RosterRow; current: MemberDoc | null; changes: string[] }
  | { kind: 'refused'; issue: RowIssue };

/** The columns a row is refused on, as the template names them. */
const REFUSED_COLUMN = { phone: '手机号', group: '党小组', partyStatus: '党员身份' } as const;

/** What importing one row does, read inside the transaction (or, for a preview, from the store). */
async function decide(
  tx: Tx,
  p: Plan,
  holderRoles: Map<string, RoleGrant[]>,
  row: RosterRow,
): Promise<Decision & { fields?: ReturnType<typeof fieldsOf> }> {
  const { caller, tree, placement } = p;
  const refuse = (field: keyof typeof REFUSED_COLUMN, message: string): Decision => ({
    kind: 'refused',
    issue: {
      row: row.row,
      field: REFUSED_COLUMN[field],
      message,
      column: p.parsed.columnNames?.[field] ?? REFUSED_COLUMN[field],
      value:
        field === 'phone'
          ? ((row.phone && row.phoneMasked ? maskPhone(row.phone) : row.phone) ?? row.landline ?? '')
          : field === 'group'
            ? (row.group ?? '')
            : PARTY_STATUS_LABELS[row.partyStatus],
    },
  });
  const current =
    (row.phone ? await phoneHolder(tx, placement.committeeId, row.phone) : null) ??
    (await namesake(tx, placement.branchId, row.matchedId));
  // An empty 党小组 cell keeps an existing member's group; a new member joins the group imported into, if any.
  const groupId = row.group ? (p.groupsByName.get(row.group) ?? null) : (current?.groupId ?? placement.groupId);
  if (current && (current.branchId !== placement.branchId || current.name !== row.name))
    return refuse('phone', phoneTakenText(caller, tree, current));
  if (current && !can(caller.roles, tree, 'roster.write', memberOrgOf(current)))
    return refuse('phone', phoneTakenText(caller, tree, current));
  // Their status and dates are 发展党员's to record, step by step (roster.updateMember refuses them too).
  if (current && !isPartyMember(current.partyStatus))
    return refuse(
      'partyStatus',
      `${current.name}在花名册上是${PARTY_STATUS_LABELS[current.partyStatus]}，身份和日期由“发展党员”记录，不能通过导入修改，请在“发展党员”中办理相应步骤`,
    );
  const fields = fieldsOf(row, groupId, current);
  const had: Record<string, unknown> = current ? { ...profileOf(current), ...current } : {};
  const changes = current
    ? Object.entries(fields)
        .filter(
          ([key, value]) =>
            (key !== 'phone' || !current.phone) && JSON.stringify(had[key] ?? null) !== JSON.stringify(value),
        )
        .map(([key]) => FIELD_LABELS[key] ?? key)
    : [];
  // A row that would change a higher role holder's entry is refused, as an edit would be (one's own is not).
  if (
    current &&
    changes.length &&
    current._id !== caller.member?._id &&
    rolesBeyondReach(tree, caller.roles, 'roster.write', holderRoles.get(current._id) ?? []).length
  )
    return refuse('phone', `${current.name}担任的职务不低于您的职务，不能通过导入修改其花名册记录，请由上级组织办理`);
  if (!can(caller.roles, tree, 'roster.write', groupId ?? placement.branchId))
    return refuse('group', `“${row.group}”不在您的管理范围内`);
  const kind = !current ? 'create' : changes.length ? 'update' : 'unchanged';
  return { kind, row, current, changes, fields };
}

/** The member a row without a mobile was matched to by name, if still an active member of the branch. */
async function namesake(tx: Tx, branchId: string, id: string | undefined): Promise<MemberDoc | null> {
  const member = id ? await tx.get('members', id) : null;
  return member?.status === 'active' && member.branchId === branchId ? member : null;
}

/** What a row sets: a blank mobile keeps the member's (the file may just not know it), as a blank landline does. */
const fieldsOf = (row: RosterRow, groupId: string | null, current: MemberDoc | null) => ({
  name: row.name,
  phone: row.phone ?? current?.phone ?? null,
  ...(row.landline ? { landline: row.landline } : {}),
  partyStatus: row.partyStatus,
  joinedAt: row.joinedAt,
  fullAt: row.fullAt,
  groupId,
  // Only the profile cells the file fills: a blank or missing column keeps what the roster has.
  ...row.profile,
});

const toIssue = (issue: RowIssue): ImportIssue => ({
  row: issue.row,
  column: issue.column ?? (issue.field === 'file' ? '' : issue.field),
  value: issue.value ?? '',
  message: issue.message,
});

async function publish(ctx: HandlerContext, name: string, content: Buffer): Promise<FileLink> {
  return { ...(await ctx.files.publish(name, content)), name };
}

/**
 * What importing a file would do, row by row, and the refused rows as a file to fix: read from
 * the store as importMembers would read it in its transaction. Nothing of the roster changes; the
 * preview itself is kept so that confirming it imports exactly this.
 */
export const previewImport = action(rosterSchemas.previewImport, async (ctx, input): Promise<ImportPreview> => {
  const p = await plan(ctx, input.orgId, input.fileID);
  const holderRoles = await rolesOfHolders(ctx, p.placement.committeeId, p.rows);
  const issues = [...p.issues];
  const counts = { create: 0, update: 0, unchanged: 0 };
  const members: ImportPreview['members'] = [];
  for (const row of p.rows) {
    const decision = await decide(ctx.store, p, holderRoles, row);
    if (decision.kind === 'refused') {
      issues.push(decision.issue);
      continue;
    }
    counts[decision.kind]++;
    if (decision.kind !== 'unchanged' && members.length < MAX_PREVIEW_MEMBERS)
      members.push({ row: row.row, name: row.name, action: decision.kind, changes: decision.changes });
  }
  issues.sort(byRow);
  const now = ctx.clock();
  const refusedRows =
    issues.length && p.parsed.source
      ? await publish(ctx, '未导入的行（改正后重新导入）.xlsx', await buildRefusedRows(p.parsed.source, issues))
      : null;
  const doc: ImportPreviewDoc = {
    _id: ctx.newId(),
    openid: p.caller.openid,
    orgId: input.orgId,
    fileID: input.fileID,
    digest: p.digest,
    ...counts,
    refused: refusedRowCount(issues),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PREVIEW_MINUTES * 60_000).toISOString(),
    usedAt: null,
  };
  await ctx.store.create('importPreviews', doc);
  return {
    previewId: doc._id,
    ...counts,
    errors: issues.slice(0, MAX_LISTED_ISSUES).map(toIssue),
    errorCount: issues.length,
    warnings: [...p.warnings].sort(byRow).slice(0, MAX_LISTED_ISSUES).map(toIssue),
    recognizedColumns: p.parsed.recognizedColumns ?? [],
    ignoredColumns: p.parsed.ignoredColumns ?? [],
    members,
    refusedRows,
  };
});

/** The caller's own preview of this branch and file, still valid and unused. */
async function previewFor(ctx: HandlerContext, p: Plan, input: { orgId: string; fileID: string; previewId: string }) {
  const preview = await ctx.store.get('importPreviews', input.previewId);
  if (!preview) throw notFound('导入预览');
  if (preview.openid !== p.caller.openid) throw forbidden('只能确认自己的导入预览');
  if (preview.orgId !== input.orgId || preview.fileID !== input.fileID)
    throw invalidInput('previewId', '预览与要导入的支部或文件不一致，请重新预览');
  if (preview.digest !== p.digest) throw conflict('文件在预览后被替换了，请重新预览');
  if (preview.usedAt) throw conflict('这次预览已经导入过了');
  if (preview.expiresAt <= ctx.clock().toISOString())
    throw conflict(`预览已超过 ${PREVIEW_MINUTES} 分钟，请重新预览后再导入`);
  return preview;
}

/**
 * Imports the rows in one transaction: a row whose number an active member of the branch holds
 * under the same name updates that member (or leaves them be when nothing differs); any other row
 * creates a member and claims its number's key. Who holds a number is read from the keys inside
 * the transaction, so two imports of one file at once (a double click) cannot both create: the
 * second finds the first's keys. A file with refused rows imports nothing, unless `skipInvalid`.
 * With `previewId`, the import must do what the preview showed, once.
 */
export const importMembers = action(
  rosterSchemas.importMembers,
  async (ctx, input): Promise<RosterOutputs['importMembers']> => {
    const p = await plan(ctx, input.orgId, input.fileID);
    const preview = input.previewId ? await previewFor(ctx, p, { ...input, previewId: input.previewId }) : null;
    if (p.issues.length && !input.skipInvalid) throw importFailed(p.issues);

    await ensurePhoneKeys(ctx, p.tree);
    const holderRoles = await rolesOfHolders(ctx, p.placement.committeeId, p.rows);
    const now = ctx.clock().toISOString();
    let result: RosterOutputs['importMembers'];
    try {
      result = await ctx.store.transaction(async (tx) => {
        const decisions = [];
        const issues = [...p.issues];
        for (const row of p.rows) {
          const decision = await decide(tx, p, holderRoles, row);
          if (decision.kind === 'refused') issues.push(decision.issue);
          else decisions.push(decision);
        }
        // Thrown inside the transaction, so that nothing of a file with errors is written.
        if (issues.length && !input.skipInvalid) throw importFailed(issues);
        const counted = { create: 0, update: 0, unchanged: 0 };
        for (const d of decisions) counted[d.kind]++;
        const skipped = refusedRowCount(issues);
        if (preview) {
          const same =
            preview.create === counted.create &&
            preview.update === counted.update &&
            preview.unchanged === counted.unchanged &&
            preview.refused === skipped;
          if (!same) throw conflict('花名册在预览之后有了变化，请重新预览后再导入');
          const current = await tx.get('importPreviews', preview._id);
          if (current?.usedAt) throw conflict('这次预览已经导入过了');
          await tx.update('importPreviews', preview._id, { $set: { usedAt: now } });
        }
        for (const d of decisions) {
          const fields = d.fields;
          if (!fields || d.kind === 'unchanged') continue;
          if (d.current) {
            // A member without a mobile given one by the file claims it, as a new member would.
            if (fields.phone && !d.current.phone) await claimPhone(tx, { ...d.current, phone: fields.phone }, now);
            await tx.set('members', {
              ...d.current,
              ...fields,
              updatedAt: now,
              history: [...d.current.history, { at: now, action: 'imported', note: 'Excel 导入更新' }],
            });
            continue;
          }
          const member: MemberDoc = {
            _id: ctx.newId(),
            ...fields,
            committeeId: p.placement.committeeId,
            branchId: p.placement.branchId,
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
        }
        const outcome = { created: counted.create, updated: counted.update, unchanged: counted.unchanged, skipped };
        await writeAudit(tx, ctx, p.caller.openid, {
          action: 'member.import',
          target: `orgs/${input.orgId}`,
          committeeId: p.placement.committeeId,
          after: outcome,
        });
        return outcome;
      });
    } catch (error) {
      throw await asPhoneConflict(ctx, p.caller, p.tree, error, '（导入时该号码刚被登记，请重新导入）');
    }
    forgetMembers(ctx.store);
    return result;
  },
);
