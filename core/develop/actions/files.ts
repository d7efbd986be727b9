import { developSchemas, PEOPLE_STEP_RULES, type DevelopOutputs } from '../../../contracts/develop';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../../contracts/labels/common';
import type { PersonRef } from '../../../contracts/roster';
import {
  activeMembersOf,
  asPhoneConflict,
  claimPhone,
  ensurePhoneKeys,
  placementFor,
  releasePhone,
  rolesOfAccount,
} from '../../roster';
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
import { applyToEntry, checkedPeople, newEntry, type EntryChange } from '../entry';
import { committeeConfig } from './config';
import { openCandidatesOf } from '../queries';
import {
  categoryOf,
  formatDate,
  isOverdue,
  nextStep,
  peopleMarkOf,
  refusal,
  resolveStep,
  stageOf,
  stepViews,
  window,
  type StepRecord,
} from '../rules';

/**
 * Who does what: the branch secretary (or an admin above the branch) opens files, records every
 * step, extends the 预备期 and closes a file (`develop.manage`); the steps that are the 上级党委's (备案, 预审,
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
    // The whole file, not its time alone: two writes within one millisecond must not both pass.
    if (!current || JSON.stringify(current) !== JSON.stringify(before))
      throw conflict('该档案刚被他人修改，请刷新后重试');
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
    closed: null,
    appliedAt: input.appliedAt,
    createdBy: caller.openid,
    createdAt: now,
    updatedAt: now,
  };
  // On the roster from the first step, as 入党申请人 (no 入党日期), their mobile claimed as the roster claims it.
  const member = newEntry(
    ctx.newId(),
    file,
    'applicant',
    { joinedAt: null, fullAt: null },
    `发展党员：${config.steps[0].name}（${formatDate(input.appliedAt)}），登记为入党申请人`,
    now,
  );
  file.memberId = member._id;
  await ensurePhoneKeys(ctx, tree);
  try {
    await ctx.store.transaction(async (tx) => {
      await claimPhone(tx, member, now);
      await tx.create('members', member);
      await tx.create('candidates', file);
      await writeAudit(tx, ctx, caller.openid, {
        action: 'develop.start',
        target: `candidates/${file._id}`,
        committeeId: file.committeeId,
        after: {
          name: file.name,
          branchId: file.branchId,
          groupId: file.groupId,
          appliedAt: file.appliedAt,
          memberId: member._id,
        },
      });
    });
  } catch (error) {
    throw await asPhoneConflict(ctx, caller, tree, error);
  }
  forgetMembers(ctx.store);
  return { id: file._id };
});

/**
 * What recording `step` does to the roster entry: while on the way, the entry's 党员身份 follows the
 * file's category; the `admit` step makes them 预备党员 with 入党日期 = the `joinDate` step's date;
 * the `full` step makes them 正式党员 with 转正日期. Between those the entry is a Party member's,
 * kept by the roster.
 */
function entryChange(before: CandidateDoc, after: CandidateDoc, code: string, at: string): EntryChange {
  const def = after.config.steps.find((s) => s.code === code);
  const change: EntryChange = { step: `${def?.name ?? code}（${formatDate(at)}）` };
  const category = categoryOf(after);
  if (def?.mark === 'admit') {
    const joinStep = after.config.steps.find((s) => s.mark === 'joinDate')?.code;
    return { ...change, status: 'probationary', joinedAt: after.records.find((r) => r.step === joinStep)?.at ?? at };
  }
  if (def?.mark === 'full') return { ...change, status: 'full', fullAt: at };
  if (!isPartyMember(category) || !before.memberId) return { ...change, status: category };
  return change;
}

export const recordStep = action(
  developSchemas.recordStep,
  async (ctx, input): Promise<DevelopOutputs['recordStep']> => {
    const { caller, tree, file } = await loadFile(ctx, input.id, 'develop.manage');
    if (file.closed) throw conflict(`该档案已于${formatDate(file.closed.at)}终止发展，不能再记录步骤`);
    const step = resolveStep(fileState(file), input.step);
    const refused = refusal(fileState(file), step, input.at, chinaDate(ctx.clock()));
    if (refused) throw invalidInput(refused.field, refused.message);
    const def = file.config.steps.find((s) => s.code === step);
    if (!def) throw invalidInput('step', '没有该步骤');
    const mark = peopleMarkOf(file.config, step);
    for (const other of ['contacts', 'sponsors'] as const)
      if (input[other] && other !== mark) {
        const label = PEOPLE_STEP_RULES[other].label;
        throw invalidInput(other, `「${def.name}」不记录${label}：${label}在指定（确定）${label}的步骤填写`);
      }
    const given = mark ? input[mark] : undefined;
    const people: PersonRef[] | null = mark && given ? await checkedPeople(ctx, tree, file, mark, given) : null;
    if (def.mark === 'full' && !file.memberId) throw conflict('该档案尚未接收为预备党员，不能转正');
    const now = ctx.clock().toISOString();
    const record: StepRecord = {
      step,
      at: input.at,
      note: input.note ?? null,
      by: caller.openid,
      recordedAt: now,
      ...(people ? { people } : {}),
    };
    const records = [...file.records, record];
    const after: CandidateDoc = {
      ...file,
      records,
      memberId: file.memberId ?? ctx.newId(),
      done: records.length >= file.config.steps.length,
      updatedAt: now,
    };
    const change = entryChange(file, after, step, input.at);
    if (mark && people) change.people = { mark, list: people };
    // A file opened before entries were made gets one now: its mobile claims a key.
    if (!file.memberId) await ensurePhoneKeys(ctx, tree);
    try {
      await saveFile(
        ctx,
        caller,
        file,
        after,
        {
          action: 'develop.step',
          after: { step, at: input.at, ...(people ? { [mark ?? 'people']: people.map((p) => p.name) } : {}) },
        },
        async (tx) => {
          await applyToEntry(tx, file, after.memberId ?? '', change, now);
        },
      );
    } catch (error) {
      throw await asPhoneConflict(ctx, caller, tree, error, '，请先核对花名册');
    }
    forgetMembers(ctx.store);
    const state = fileState(after);
    return { id: file._id, stage: stageOf(state), nextStep: nextStep(state)?.code ?? null, memberId: after.memberId };
  },
);

/** The 培养联系人 and 入党介绍人 the roster entry holds. */
const peopleOn = (member: { contacts?: PersonRef[]; sponsors?: PersonRef[] } | null) => ({
  contacts: member?.contacts ?? [],
  sponsors: member?.sponsors ?? [],
});

export const get = action(developSchemas.get, async (ctx, input): Promise<DevelopOutputs['get']> => {
  const { caller, tree, file } = await loadFile(ctx, input.id, 'develop.read');
  const today = chinaDate(ctx.clock());
  const state = fileState(file);
  const closed = file.closed ?? null;
  const member = file.memberId ? await ctx.store.get('members', file.memberId) : null;
  const canRecord = !closed && can(caller.roles, tree, 'develop.manage', orgOf(file));
  const next = closed ? null : nextStep(state);
  const mark = next ? peopleMarkOf(file.config, next.code) : null;
  const eligible =
    mark && canRecord
      ? (await activeMembersOf(ctx.store, { branchId: file.branchId }))
          .filter((m) => m.partyStatus === 'full' && m._id !== file.memberId)
          .map((m) => ({ memberId: m._id, name: m.name }))
      : [];
  const steps = stepViews(state, today).map((view) =>
    // A closed file has no next step: what was not done stays undone.
    closed && (view.status === 'next' || view.status === 'overdue')
      ? { ...view, status: 'todo' as const, earliest: null, due: null }
      : view,
  );
  return {
    id: file._id,
    name: file.name,
    phone: file.phone,
    orgId: orgOf(file),
    orgName: tree.get(orgOf(file))?.name ?? '',
    stage: stageOf(state),
    category: categoryOf(state),
    nextStep: next?.code ?? null,
    overdue: !closed && isOverdue(state, today),
    memberId: file.memberId,
    ...peopleOn(member),
    nextPeople: mark ? { mark, ...PEOPLE_STEP_RULES[mark] } : null,
    eligible,
    closed: closed && { at: closed.at, reason: closed.reason },
    extension: file.extension
      ? { months: file.extension.months, at: file.extension.at, note: file.extension.note }
      : null,
    steps,
    canRecord,
  };
});

/**
 * 终止发展: the person withdrew their application, or the branch decided not to develop them further.
 * The file leaves the board and the roster entry is deactivated as the roster deactivates (the reason
 * kept, the mobile's key released, the WeChat binding ended). A 预备党员 or 正式党员 is the roster's
 * business (停用 there), not this.
 */
export const close = action(developSchemas.close, async (ctx, input): Promise<DevelopOutputs['close']> => {
  const { caller, file } = await loadFile(ctx, input.id, 'develop.manage');
  if (file.closed) throw conflict(`该档案已于${formatDate(file.closed.at)}终止发展`);
  const category = categoryOf(fileState(file));
  if (isPartyMember(category))
    throw conflict(`${file.name}已是${PARTY_STATUS_LABELS[category]}，不能终止发展；如需停用，请在花名册中办理`);
  const member = file.memberId ? await ctx.store.get('members', file.memberId) : null;
  if (member?.openid && (await rolesOfAccount(ctx.store, member.openid)).length)
    throw conflict(`${file.name}担任支部职务，请先撤销其职务，再终止发展`);
  const now = ctx.clock().toISOString();
  const today = chinaDate(ctx.clock());
  const reason = `终止发展：${input.reason}`;
  const after: CandidateDoc = {
    ...file,
    done: true,
    closed: { at: today, reason: input.reason, by: caller.openid },
    updatedAt: now,
  };
  await saveFile(ctx, caller, file, after, { action: 'develop.close', after: { reason: input.reason } }, async (tx) => {
    if (!file.memberId) return;
    const current = await tx.get('members', file.memberId);
    if (!current || current.status !== 'active') return;
    await tx.set('members', {
      ...current,
      status: 'inactive',
      inactiveReason: reason,
      openid: null,
      updatedAt: now,
      history: [...current.history, { at: now, action: 'deactivated', note: reason }],
    });
    // The number is free for someone else, and the WeChat user is no longer bound, as on the roster's 停用.
    await releasePhone(tx, current);
    if (!current.openid) return;
    const binding = await tx.get('bindings', current.openid);
    if (binding?.memberId === current._id) await tx.remove('bindings', current.openid);
  });
  forgetMembers(ctx.store);
  return { id: file._id };
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
