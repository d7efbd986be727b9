import { latestDeclarationsIn, type DeclarationPlace } from '../queries';

import type { DeclarationItem, DeclarationSummary, IdentityOutputs } from '../../../contracts/identity';
import { DECLARATION_CONSENT } from '../../../contracts/consent';
import { identitySchemas } from '../../../contracts/identity';
import type { OrgTree } from '../../shared/org-tree';
import { can, scopesFor } from '../../shared/permissions';
import type { DeclarationDoc } from '../documents';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { DuplicateIdError } from '../../store/port';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requireOpenid, type Caller } from '../../shared/caller';
import { bindMember, findRosterMatch } from '../binding';
import { notify } from '../../notices';

/** How many declarations of each place a review list shows, newest first. */
const REVIEW_LIST_LIMIT = 200;

export function toSummary(doc: DeclarationDoc, tree: OrgTree): DeclarationSummary {
  return {
    id: doc._id,
    status: doc.status,
    name: doc.name,
    orgId: doc.orgId,
    orgName: doc.orgId ? (tree.get(doc.orgId)?.name ?? null) : null,
    externalOrg: doc.externalOrg,
    reason: doc.reason,
    createdAt: doc.createdAt,
    reviewedAt: doc.reviewedAt,
  };
}

/** Who may review a declaration: the secretary of its branch, or an admin of its committee (any admin for unplaced outside members). */
function canReview(caller: Caller, tree: OrgTree, doc: DeclarationDoc): boolean {
  if (doc.branchId) return can(caller.roles, tree, 'declaration.review', doc.branchId);
  const adminScopes = caller.roles.filter((r) => r.role === 'admin').map((r) => r.orgId);
  if (doc.committeeId) return adminScopes.some((scope) => tree.isWithin(doc.committeeId as string, scope));
  return adminScopes.length > 0;
}

/** The committee of the caller's first admin role: where a review of an unplaced declaration is audited. */
function reviewerCommittee(caller: Caller, tree: OrgTree): string | null {
  for (const role of caller.roles)
    if (role.role === 'admin') {
      const committee = tree.nearest(role.orgId, 'committee');
      if (committee) return committee.id;
    }
  return null;
}

export const declare = action(identitySchemas.declare, async (ctx, input): Promise<IdentityOutputs['declare']> => {
  const caller = await loadCaller(ctx);
  if (caller.member) throw conflict('您已完成亮身份，无需重复申报');
  const tree = await loadTree(ctx);
  let branchId: string | null = null;
  let committeeId: string | null = null;
  if (input.externalOrg) {
    if (input.orgId) {
      if (tree.get(input.orgId)?.kind !== 'committee') throw invalidInput('orgId', '流动党员请选择报到的党委，或不选');
      committeeId = input.orgId;
    }
  } else {
    const org = input.orgId ? tree.get(input.orgId) : undefined;
    if (!org || org.kind === 'committee') throw invalidInput('orgId', '请选择所在的党支部或党小组');
    if (org.archived || tree.nearest(org.id, 'branch')?.archived)
      throw invalidInput('orgId', '该组织已撤销，请选择其他党支部或党小组');
    branchId = tree.nearest(org.id, 'branch')?.id ?? null;
    committeeId = tree.nearest(org.id, 'committee')?.id ?? null;
  }
  const now = ctx.clock().toISOString();
  const doc: DeclarationDoc = {
    _id: ctx.newId(),
    openid: caller.openid,
    name: input.name,
    phone: input.phone,
    partyStatus: input.partyStatus,
    joinedAt: input.joinedAt ?? null,
    fullAt: input.fullAt ?? null,
    orgId: input.orgId ?? null,
    branchId,
    committeeId,
    externalOrg: input.externalOrg ?? null,
    employer: input.employer || null,
    status: 'pending',
    reason: null,
    memberId: null,
    reviewedBy: null,
    reviewedAt: null,
    createdAt: now,
    consent: { version: DECLARATION_CONSENT.version, at: now },
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('openDeclarations', { _id: caller.openid, declarationId: doc._id });
      await tx.create('declarations', doc);
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) throw conflict('您已有一份待审核的申报，请等待审核或先撤回');
    throw error;
  }
  return { id: doc._id, status: 'pending' };
});

export const withdraw = action(identitySchemas.withdraw, async (ctx): Promise<IdentityOutputs['withdraw']> => {
  const openid = requireOpenid(ctx);
  return ctx.store.transaction(async (tx) => {
    const open = await tx.get('openDeclarations', openid);
    if (!open) throw notFound('待审核的申报');
    await tx.update('declarations', open.declarationId, { $set: { status: 'withdrawn' } });
    await tx.remove('openDeclarations', openid);
    return { id: open.declarationId, status: 'withdrawn' as const };
  });
});

export const listDeclarations = action(identitySchemas.listDeclarations, async (ctx, input) => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const status = input?.status ?? 'pending';
  const scopes = scopesFor(caller.roles, 'declaration.review');
  if (scopes.length === 0) throw forbidden('只有书记或管理员可以审核亮身份申报');
  if (input?.orgId && !scopes.some((scope) => tree.isWithin(input.orgId as string, scope))) throw forbidden();

  const places: DeclarationPlace[] = [];
  for (const scopeId of scopes) {
    const scope = tree.get(scopeId);
    if (!scope) continue;
    if (scope.kind === 'committee') places.push({ committeeId: scope.id });
    else if (scope.kind === 'branch') places.push({ branchId: scope.id });
  }
  if (caller.roles.some((r) => r.role === 'admin')) places.push({ committeeId: null });
  const found = await Promise.all(
    places.map((place) => latestDeclarationsIn(ctx.store, place, status, REVIEW_LIST_LIMIT)),
  );
  const unique = new Map(found.flat().map((doc) => [doc._id, doc]));
  const docs = [...unique.values()]
    .filter((doc) => canReview(caller, tree, doc))
    .filter((doc) => !input?.orgId || (doc.orgId !== null && tree.isWithin(doc.orgId, input.orgId)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const items: DeclarationItem[] = await Promise.all(
    docs.map(async (doc) => {
      const match =
        doc.status === 'pending' && doc.branchId
          ? await findRosterMatch(ctx, doc.branchId, doc.name, doc.phone, doc.partyStatus)
          : null;
      return {
        ...toSummary(doc, tree),
        mine: doc.openid === caller.openid,
        phone: doc.phone,
        partyStatus: doc.partyStatus,
        joinedAt: doc.joinedAt,
        fullAt: doc.fullAt,
        match: match && { memberId: match._id, name: match.name, orgName: tree.get(match.branchId)?.name ?? '' },
      };
    }),
  );
  return { items };
});

export const review = action(identitySchemas.review, async (ctx, input): Promise<IdentityOutputs['review']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const doc = await ctx.store.get('declarations', input.id);
  if (!doc) throw notFound('申报');
  if (!canReview(caller, tree, doc)) throw forbidden('该申报不在您的审核范围内');
  // Separation of duties: a reviewer's own declaration goes to another secretary or the committee's admin.
  if (doc.openid === caller.openid) throw forbidden('不能审核本人的申报，请由其他书记或党委管理员审核');
  if (doc.status !== 'pending') throw conflict('该申报已处理');
  const now = ctx.clock().toISOString();

  if (input.decision === 'reject') {
    await ctx.store.transaction(async (tx) => {
      const current = await tx.get('declarations', doc._id);
      if (current?.status !== 'pending') throw conflict('该申报已处理');
      await tx.update('declarations', doc._id, {
        $set: { status: 'rejected', reason: input.reason ?? null, reviewedBy: caller.openid, reviewedAt: now },
      });
      await tx.remove('openDeclarations', doc.openid);
      await writeAudit(tx, ctx, caller.openid, {
        action: 'declaration.reject',
        target: `declarations/${doc._id}`,
        // An outside member's declaration has no committee yet: file it under the reviewing admin's, so it can be read.
        committeeId: doc.committeeId ?? reviewerCommittee(caller, tree),
        before: { status: 'pending' },
        after: { status: 'rejected', reason: input.reason },
      });
    });
    // Someone already on a roster hears of it in 消息; an applicant with none sees it on their 亮身份 page.
    const binding = await ctx.store.get('bindings', doc.openid);
    if (binding)
      await notify(ctx.store, {
        memberId: binding.memberId,
        kind: 'declaration.rejected',
        title: '您的亮身份申报未通过',
        body: input.reason ?? '',
        link: '/packages/member/pages/declare/index',
        key: `declaration:${doc._id}`,
        at: now,
      });
    return { status: 'rejected' };
  }

  const memberId = await bindMember(ctx, caller, tree, doc, input.memberId ?? null, input.orgId ?? null);
  await notify(ctx.store, {
    memberId,
    kind: 'declaration.approved',
    title: '您的亮身份申报已通过',
    body: '可以查看您的身份卡了',
    link: '/packages/member/pages/card/index',
    key: `declaration:${doc._id}`,
    at: now,
  });
  return { status: 'approved', memberId };
});
