import { activeMembersNamed, activeMembersWithPhone } from '../roster';
import type { OrgTree } from '../shared/org-tree';
import { can } from '../shared/permissions';
import type { DeclarationDoc } from './documents';
import type { MemberDoc } from '../roster';
import type { HandlerContext } from '../runtime/context';
import { conflict, forbidden, invalidInput, notFound, type AppError } from '../runtime/errors';
import type { PartyStatus } from '../../contracts/common';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../contracts/labels/common';
import { DuplicateIdError } from '../store/port';
import { postEntry } from '../points';
import { ruleFor } from '../points';
import { writeAudit } from '../shared/audit';
import { loadRules } from '../points';
import type { Caller } from '../shared/caller';
import { asPhoneConflict, claimPhone, ensurePhoneKeys } from '../roster';
import { forgetMembers } from '../shared/snapshots';

/**
 * Whether a roster entry is of the kind a declaration binds to: a Party member's declaration to a
 * Party member's entry, that of someone on the way (入党申请人, 入党积极分子, 发展对象) to the entry their
 * 发展党员 file made. Never across: a card is not had by declaring oneself a member.
 */
const sameKind = (entry: PartyStatus, declared: PartyStatus) => isPartyMember(entry) === isPartyMember(declared);

/**
 * An active, unbound roster entry of the branch of the declared kind with the same name and phone;
 * else the one of that name the roster keeps without a mobile (a retired member declaring with a
 * new phone, an applicant whose file was opened without one).
 */
export async function findRosterMatch(
  ctx: HandlerContext,
  branchId: string,
  name: string,
  phone: string,
  declared: PartyStatus,
): Promise<MemberDoc | null> {
  const kind = (m: MemberDoc) => sameKind(m.partyStatus, declared) && !m.openid;
  const candidates = await activeMembersWithPhone(ctx.store, branchId, phone);
  const byPhone = candidates.find((m) => m.name === name && kind(m));
  if (byPhone) return byPhone;
  const unnumbered = (await activeMembersNamed(ctx.store, branchId, name)).filter((m) => !m.phone && kind(m));
  return unnumbered.length === 1 ? unnumbered[0] : null;
}

/** What the reviewer is told when the declaration and the roster entry are of different kinds. */
function kindMismatch(entry: MemberDoc, declared: PartyStatus): AppError {
  const said = isPartyMember(declared) ? '党员' : '正在申请入党';
  return conflict(
    `花名册中${entry.name}登记为${PARTY_STATUS_LABELS[entry.partyStatus]}，与申报的「${said}」不符，不能通过：请核对后驳回，并请其按实际身份重新申报`,
  );
}

/** An on-the-way declaration with no 发展党员 file's entry to bind to: it never makes one. */
export const NO_DEVELOP_FILE =
  '未找到申报人的发展党员档案：本支部花名册中没有姓名和手机号与申报一致的入党申请人、入党积极分子或发展对象，不能通过。可驳回并告知：未找到您的发展党员档案，请联系支部书记';

interface Placement {
  committeeId: string;
  branchId: string;
  groupId: string | null;
}

function placementOf(tree: OrgTree, orgId: string): Placement | null {
  const org = tree.get(orgId);
  const branch = tree.nearest(orgId, 'branch');
  const committee = tree.nearest(orgId, 'committee');
  if (!org || !branch || !committee) return null;
  return { committeeId: committee.id, branchId: branch.id, groupId: org.kind === 'group' ? org.id : null };
}

/**
 * Approves a declaration: binds the declarant's openid to a roster entry (the one chosen, the one
 * matched by name and phone, or a new one), all in one transaction so that neither the user nor
 * the roster entry can be bound twice. Someone on the way to membership binds only to the entry
 * their 发展党员 file made, never to a new one; a Party member never to such an entry.
 */
export async function bindMember(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  declaration: DeclarationDoc,
  chosenMemberId: string | null,
  placeOrgId: string | null,
): Promise<string> {
  const targetOrgId = declaration.orgId && declaration.branchId ? declaration.orgId : placeOrgId;
  if (!targetOrgId) throw invalidInput('orgId', '流动党员通过审核时请选择编入的党支部');
  const placement = placementOf(tree, targetOrgId);
  if (!placement) throw invalidInput('orgId', '请选择党支部或党小组');
  if (!can(caller.roles, tree, 'declaration.review', placement.branchId))
    throw forbidden('编入的支部不在您的管理范围内');

  let existing: MemberDoc | null = null;
  if (chosenMemberId) {
    existing = await ctx.store.get('members', chosenMemberId);
    if (!existing || existing.branchId !== placement.branchId) throw notFound('花名册中的该党员');
    if (!sameKind(existing.partyStatus, declaration.partyStatus)) throw kindMismatch(existing, declaration.partyStatus);
  } else {
    existing = await findRosterMatch(
      ctx,
      placement.branchId,
      declaration.name,
      declaration.phone,
      declaration.partyStatus,
    );
  }
  if (!existing) {
    // The same name and phone on the roster, of the other kind: say so rather than make a second entry.
    const other = (await activeMembersWithPhone(ctx.store, placement.branchId, declaration.phone)).find(
      (m) => m.name === declaration.name && !sameKind(m.partyStatus, declaration.partyStatus),
    );
    if (other) throw kindMismatch(other, declaration.partyStatus);
    if (!isPartyMember(declaration.partyStatus)) throw conflict(NO_DEVELOP_FILE);
  }
  // A new roster entry, or one without a mobile, claims the number's key in the approval's
  // transaction (as createMember and import do).
  if (!existing?.phone) await ensurePhoneKeys(ctx, tree);

  const at = ctx.clock();
  const now = at.toISOString();
  const memberId = existing?._id ?? ctx.newId();
  // Not for someone on the way to membership already on the roster, unless the committee applies it to them.
  const partyStatus = existing?.partyStatus ?? declaration.partyStatus;
  const declarationRule = ruleFor(await loadRules(ctx.store, placement.committeeId), 'declaration', { partyStatus });
  try {
    await ctx.store.transaction(async (tx) => {
      const current = await tx.get('declarations', declaration._id);
      if (current?.status !== 'pending') throw conflict('该申报已处理');
      await tx.create('bindings', { _id: declaration.openid, memberId, at: now });
      if (existing) {
        const member = await tx.get('members', memberId);
        if (!member || member.status !== 'active') throw conflict('该党员已不在册');
        if (member.openid) throw conflict('该党员已绑定其他微信用户');
        if (!sameKind(member.partyStatus, declaration.partyStatus)) throw kindMismatch(member, declaration.partyStatus);
        // A roster entry without a mobile takes the declarant's (its key too, as a new entry's would).
        if (!member.phone) await claimPhone(tx, { ...member, phone: declaration.phone }, now);
        await tx.set('members', {
          ...member,
          ...(member.phone ? {} : { phone: declaration.phone }),
          ...(!member.workUnit && declaration.employer ? { workUnit: declaration.employer } : {}),
          openid: declaration.openid,
          updatedAt: now,
          history: [...member.history, { at: now, action: 'bound', note: '亮身份审核通过，绑定微信' }],
        });
      } else {
        await claimPhone(tx, { _id: memberId, committeeId: placement.committeeId, phone: declaration.phone }, now);
        await tx.create('members', {
          _id: memberId,
          name: declaration.name,
          phone: declaration.phone,
          partyStatus: declaration.partyStatus,
          joinedAt: declaration.joinedAt,
          fullAt: declaration.fullAt,
          ...placement,
          status: 'active',
          inactiveReason: null,
          openid: declaration.openid,
          externalOrg: declaration.externalOrg,
          ...(declaration.employer ? { workUnit: declaration.employer } : {}),
          history: [{ at: now, action: 'created', note: '亮身份审核通过，新建花名册记录' }],
          createdAt: now,
          updatedAt: now,
        });
      }
      await tx.update('declarations', declaration._id, {
        $set: { status: 'approved', memberId, reviewedBy: caller.openid, reviewedAt: now, reason: null },
      });
      await tx.remove('openDeclarations', declaration.openid);
      if (declarationRule?.active)
        // Once per member: the entry's id is its idempotency key.
        await postEntry(tx, {
          id: `declaration:${memberId}`,
          member: { _id: memberId, name: existing?.name ?? declaration.name, partyStatus, ...placement },
          rule: declarationRule,
          reason: '亮身份审核通过',
          source: 'declaration',
          recordedBy: caller.openid,
          at,
        });
      await writeAudit(tx, ctx, caller.openid, {
        action: 'declaration.approve',
        target: `declarations/${declaration._id}`,
        committeeId: placement.committeeId,
        before: { status: 'pending' },
        after: { status: 'approved', memberId, matched: Boolean(existing) },
      });
    });
  } catch (error) {
    if (error instanceof DuplicateIdError && error.collection === 'bindings')
      throw conflict('该微信用户已绑定党员身份');
    throw await asPhoneConflict(ctx, caller, tree, error, '，请核对后再审核');
  }
  forgetMembers(ctx.store);
  return memberId;
}
