import { developSchemas, type DevelopOutputs } from '../../../contracts/develop';
import { asPhoneConflict, claimPhone, ensurePhoneKeys, placementFor, type MemberDoc } from '../../roster';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, invalidInput, notFound } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import type { Tx } from '../../shared/collections';
import type { OrgTree } from '../../shared/org-tree';
import { can } from '../../shared/permissions';
import { forgetMembers } from '../../shared/snapshots';
import type { CandidateDoc } from '../documents';
import { committeeConfig } from './config';
import { openCandidatesOf } from '../queries';
import {
  categoryOf,
  formatDate,
  isOverdue,
  nextStep,
  refusal,
  resolveStep,
  stageOf,
  stepViews,
  window,
  type StepRecord,
} from '../rules';

/**
 * Who does what: the branch secretary (or an admin above the branch) opens files, records every
 * step and extends the 预备期 (`develop.manage`); the steps that are the 上级党委's (备案, 预审,
 * 派人谈话, 审批) are recorded by them too, on the date of the committee's decision, so that the
 * file follows the paper one. Officers read (`develop.read`); members have neither. The committee's
 * admin sets the step list (`org.manage` on the committee).
 */

const orgOf = (file: CandidateDoc) => file.groupId ?? file.branchId;
const fileState = (file: CandidateDoc) => ({ config: file.config, records: file.records, extension: file.extension });

/** The file, once the caller's scope over its branch (or group) is checked: NOT_FOUND, then FORBIDDEN, as the roster does. */
async function loadFile(ctx: HandlerContext, id: string, permission: 'develop.read' | 'develop.manage') {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const file = await ctx.store.get('candidates', id);
  if (!file) throw notFound('发展党员档案');
  requirePermission(caller, tree, permission, orgOf(file));
  return { caller, tree, file };
}

/** Writes the file as it was read (or CONFLICT), with `extra` and an audit entry, in one transaction. */
async function saveFile(
  ctx: HandlerContext,
  caller: Caller,
  before: CandidateDoc,
  after: CandidateDoc,
  audit: { action: string; after: unknown },
  extra?: (tx: Tx) => Promise<void>,
) {
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get('candidates', before._id);
    if (!current || current.updatedAt !== before.updatedAt) throw conflict('该档案刚被他人修改，请刷新后重试');
    await tx.set('candidates', after);
    if (extra) await extra(tx);
    await writeAudit(tx, ctx, caller.openid, {
      action: audit.action,
      target: `candidates/${before._id}`,
      committeeId: before.committeeId,
      after: audit.after,
    });
  });
}

export const start = action(developSchemas.start, async (ctx, input): Promise<DevelopOutputs['start']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'develop.manage', input.orgId);
  const placement = placementFor(tree, input.orgId);
  const today = chinaDate(ctx.clock());
  if (input.appliedAt > today) throw invalidInput('appliedAt', `递交申请的日期不能晚于今天（${formatDate(today)}）`);
  const { config } = await committeeConfig(ctx.store, placement.committeeId);
  const now = ctx.clock().toISOString();
  const file: CandidateDoc = {
    _id: ctx.newId(),
    name: input.name,
    phone: input.phone ?? null,
    ...placement,
    config,
    records: [{ step: config.steps[0].code, at: input.appliedAt, note: null, by: caller.openid, recordedAt: now }],
    extension: null,
    memberId: null,
    done: false,
    appliedAt: input.appliedAt,
    createdBy: caller.openid,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('candidates', file);
    await writeAudit(tx, ctx, caller.openid, {
      action: 'develop.start',
      target: `candidates/${file._id}`,
      committeeId: file.committeeId,
      after: { name: file.name, branchId: file.branchId, groupId: file.groupId, appliedAt: file.appliedAt },
    });
  });
  return { id: file._id };
});

/** The roster entry a 预备党员 gets on admission: 入党日期 is the 支部大会's date. */
function admittedMember(ctx: HandlerContext, file: CandidateDoc, joinedAt: string, now: string): MemberDoc {
  return {
    _id: ctx.newId(),
    name: file.name,
    phone: file.phone,
    landline: null,
    partyStatus: 'probationary',
    joinedAt,
    fullAt: null,
    committeeId: file.committeeId,
    branchId: file.branchId,
    groupId: file.groupId,
    status: 'active',
    inactiveReason: null,
    openid: null,
    externalOrg: null,
    gender: null,
    birthDate: null,
    ethnicity: null,
    education: null,
    workUnit: null,
    categories: [],
    history: [{ at: now, action: 'created', note: '发展党员：上级党委审批接收为预备党员' }],
    createdAt: now,
    updatedAt: now,
  };
}

export const recordStep = action(
  developSchemas.recordStep,
  async (ctx, input): Promise<DevelopOutputs['recordStep']> => {
    const { caller, tree, file } = await loadFile(ctx, input.id, 'develop.manage');
    const step = resolveStep(fileState(file), input.step);
    const refused = refusal(fileState(file), step, input.at, chinaDate(ctx.clock()));
    if (refused) throw invalidInput(refused.field, refused.message);
    const def = file.config.steps.find((s) => s.code === step);
    if (!def) throw invalidInput('step', '没有该步骤');
    const now = ctx.clock().toISOString();
    const record: StepRecord = {
      step,
      at: input.at,
      note: input.note ?? null,
      by: caller.openid,
      recordedAt: now,
    };
    const records = [...file.records, record];
    let memberId = file.memberId;
    let extra: ((tx: Tx) => Promise<void>) | undefined;
    if (def.mark === 'admit') {
      const joinStep = file.config.steps.find((s) => s.mark === 'joinDate')?.code;
      const joinedAt = records.find((r) => r.step === joinStep)?.at ?? input.at;
      const member = admittedMember(ctx, file, joinedAt, now);
      memberId = member._id;
      await ensurePhoneKeys(ctx, tree);
      extra = async (tx) => {
        await claimPhone(tx, member, now);
        await tx.create('members', member);
      };
    } else if (def.mark === 'full') {
      const id = file.memberId;
      if (!id) throw conflict('该档案尚未接收为预备党员，不能转正');
      extra = async (tx) => {
        const member = await tx.get('members', id);
        if (!member || member.status !== 'active') throw conflict('该预备党员已不在花名册上，请先核对花名册');
        await tx.set('members', {
          ...member,
          partyStatus: 'full',
          fullAt: input.at,
          updatedAt: now,
          history: [
            ...member.history,
            { at: now, action: 'updated', note: `发展党员：转为正式党员（${formatDate(input.at)}）` },
          ],
        });
      };
    }
    const after: CandidateDoc = {
      ...file,
      records,
      memberId,
      done: records.length >= file.config.steps.length,
      updatedAt: now,
    };
    try {
      await saveFile(ctx, caller, file, after, { action: 'develop.step', after: { step, at: input.at } }, extra);
    } catch (error) {
      throw await asPhoneConflict(ctx, caller, tree, error, '，请先核对花名册');
    }
    if (extra) forgetMembers(ctx.store);
    const state = fileState(after);
    return { id: file._id, stage: stageOf(state), nextStep: nextStep(state)?.code ?? null, memberId };
  },
);

export const get = action(developSchemas.get, async (ctx, input): Promise<DevelopOutputs['get']> => {
  const { caller, tree, file } = await loadFile(ctx, input.id, 'develop.read');
  const today = chinaDate(ctx.clock());
  const state = fileState(file);
  return {
    id: file._id,
    name: file.name,
    phone: file.phone,
    orgId: orgOf(file),
    orgName: tree.get(orgOf(file))?.name ?? '',
    stage: stageOf(state),
    category: categoryOf(state),
    nextStep: nextStep(state)?.code ?? null,
    overdue: isOverdue(state, today),
    memberId: file.memberId,
    extension: file.extension
      ? { months: file.extension.months, at: file.extension.at, note: file.extension.note }
      : null,
    steps: stepViews(state, today),
    canRecord: can(caller.roles, tree, 'develop.manage', orgOf(file)),
  };
});

function whereOf(tree: OrgTree, orgId: string) {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  if (org.kind === 'committee') return { committeeId: orgId };
  return org.kind === 'branch' ? { branchId: orgId } : { groupId: orgId };
}

export const board = action(developSchemas.board, async (ctx, input): Promise<DevelopOutputs['board']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'develop.read', input.orgId);
  const today = chinaDate(ctx.clock());
  const files = await openCandidatesOf(ctx.store, whereOf(tree, input.orgId));
  const items = files.map((file) => {
    const state = fileState(file);
    const next = nextStep(state);
    return {
      id: file._id,
      name: file.name,
      stage: stageOf(state),
      category: categoryOf(state),
      nextStep: next?.code ?? null,
      nextStepName: next?.name ?? null,
      due: next ? window(state, next.code).due : null,
      overdue: isOverdue(state, today),
      orgName: tree.get(orgOf(file))?.name ?? '',
    };
  });
  // Overdue first; otherwise in order of application.
  return { items: [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)] };
});

export const extendProbation = action(
  developSchemas.extendProbation,
  async (ctx, input): Promise<DevelopOutputs['extendProbation']> => {
    const { caller, file } = await loadFile(ctx, input.id, 'develop.manage');
    if (file.extension)
      throw conflict(`预备期只能延长一次（已于${formatDate(file.extension.at)}延长 ${file.extension.months} 个月）`);
    const rule = file.config.rules.find((r) => r.probation);
    const admit = file.config.steps.find((s) => s.mark === 'admit');
    const admitted = file.records.find((r) => r.step === admit?.code);
    if (!rule || !admitted) throw invalidInput('id', '尚未接收为预备党员，不能延长预备期');
    if (file.records.some((r) => r.step === rule.step)) throw invalidInput('id', '预备期已满并已记录，不能再延长');
    const today = chinaDate(ctx.clock());
    if (input.at > today) throw invalidInput('at', `日期不能晚于今天（${formatDate(today)}）`);
    if (input.at < admitted.at)
      throw invalidInput('at', `延长预备期的日期不能早于接收为预备党员（${formatDate(admitted.at)}）`);
    const now = ctx.clock().toISOString();
    const after: CandidateDoc = {
      ...file,
      extension: { months: input.months, at: input.at, note: input.note, by: caller.openid },
      updatedAt: now,
    };
    await saveFile(ctx, caller, file, after, {
      action: 'develop.extend',
      after: { months: input.months, at: input.at },
    });
    return { id: file._id, months: input.months };
  },
);
