import { createHash, timingSafeEqual } from 'node:crypto';
import { refusedSetupsSince } from '../queries';
import { rosterSchemas, type RosterOutputs } from '../../../contracts/roster';
import { SETUP_CODE_MIN_LENGTH, SETUP_DEFAULT_BRANCH } from '../../../contracts/labels/roster';
import type { MemberDoc, OrgDoc, RoleDoc } from '../documents';
import { backfilledMarker, phoneKeyDoc } from '../phone-keys';
import { checkDates } from './members';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { DECLARATION_CONSENT_VERSION } from '../../../contracts/consent';
import { loadTree, requireOpenid } from '../../shared/caller';
import { COLLECTIONS, type CollectionName } from '../../store/schema';
import { DuplicateIdError } from '../../store/port';

/** Refused attempts allowed per caller, and from everyone, within an hour. */
export const SETUP_ATTEMPTS_PER_CALLER = 5;
export const SETUP_ATTEMPTS_IN_ALL = 30;
const HOUR_MS = 3600_000;

/**
 * The setup's audit entry has a fixed id: two setups racing cannot both commit (the second
 * `create` fails), so an environment gets exactly one first committee.
 */
export const SETUP_AUDIT_ID = 'setup';

const ALREADY_SET_UP = '支部通已完成初始化，不能再次初始化；如需管理员权限，请联系现任管理员';

export const setupStatus = action(rosterSchemas.setupStatus, async (ctx): Promise<RosterOutputs['setupStatus']> => {
  requireOpenid(ctx);
  return { needed: !(await loadTree(ctx)).hasCommittee() };
});

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares in constant time, so the answer's timing says nothing about how much of the code was right. */
const sameCode = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

async function refuseWhenTooMany(ctx: HandlerContext, openid: string): Promise<void> {
  const since = new Date(ctx.clock().getTime() - HOUR_MS).toISOString();
  const [mine, all] = await Promise.all([
    refusedSetupsSince(ctx.store, since, openid),
    refusedSetupsSince(ctx.store, since),
  ]);
  if (mine >= SETUP_ATTEMPTS_PER_CALLER || all >= SETUP_ATTEMPTS_IN_ALL)
    throw forbidden('初始化码错误次数过多，请 1 小时后再试');
}

async function checkCode(ctx: HandlerContext, openid: string, code: string): Promise<void> {
  const expected = ctx.setupCode?.trim() ?? '';
  if (expected.length < SETUP_CODE_MIN_LENGTH)
    throw forbidden(
      `尚未设置初始化码：请在云函数 roster 的环境变量中设置 ZHIBU_SETUP_CODE（至少 ${SETUP_CODE_MIN_LENGTH} 位）后重试`,
    );
  await refuseWhenTooMany(ctx, openid);
  if (sameCode(code, expected)) return;
  // The refusal is recorded on its own: the request fails, but the attempt must count.
  await ctx.store.create('setupAttempts', { _id: ctx.newId(), openid, at: ctx.clock().toISOString() });
  const since = new Date(ctx.clock().getTime() - HOUR_MS).toISOString();
  const left = Math.max(0, SETUP_ATTEMPTS_PER_CALLER - (await refusedSetupsSince(ctx.store, since, openid)));
  throw forbidden(left > 0 ? `初始化码不正确，还可尝试 ${left} 次` : '初始化码错误次数过多，请 1 小时后再试');
}

/**
 * 初始化: in an environment without a committee, the first person with the setup code creates
 * every collection, the committee, a branch for their own roster entry, the entry (bound to
 * their WeChat account) and the admin role on the committee, in one transaction, audited.
 */
export const setup = action(rosterSchemas.setup, async (ctx, input): Promise<RosterOutputs['setup']> => {
  const openid = requireOpenid(ctx);
  // Checked before the code: once set up, the code can no longer be probed.
  if ((await loadTree(ctx)).hasCommittee()) throw conflict(ALREADY_SET_UP);
  await checkCode(ctx, openid, input.code);
  if (input.branchName && input.branchName === input.committeeName)
    throw invalidInput('branchName', '支部名称不能与党委名称相同');
  const partyStatus = input.partyStatus ?? 'full';
  if (input.joinedAt) checkDates(partyStatus, input.joinedAt, input.fullAt ?? null);
  else if (input.fullAt) throw invalidInput('joinedAt', '填写转正日期时请同时填写入党日期');

  await ctx.store.prepare?.(Object.keys(COLLECTIONS) as CollectionName[]);

  const now = ctx.clock().toISOString();
  const committeeId = ctx.newId();
  const committee: OrgDoc = {
    _id: committeeId,
    name: input.committeeName,
    kind: 'committee',
    parentId: null,
    committeeId,
    createdAt: now,
  };
  const branch: OrgDoc = {
    _id: ctx.newId(),
    name: input.branchName ?? SETUP_DEFAULT_BRANCH,
    kind: 'branch',
    parentId: committeeId,
    committeeId,
    createdAt: now,
  };
  const member: MemberDoc = {
    _id: ctx.newId(),
    name: input.name,
    phone: input.phone,
    partyStatus,
    joinedAt: input.joinedAt ?? null,
    fullAt: input.fullAt ?? null,
    committeeId,
    branchId: branch._id,
    groupId: null,
    status: 'active',
    inactiveReason: null,
    openid,
    externalOrg: null,
    exemptReason: null,
    history: [{ at: now, action: 'created', note: '初始化时由管理员本人登记' }],
    createdAt: now,
    updatedAt: now,
  };
  const role: RoleDoc = {
    _id: `${openid}:${committeeId}:admin`,
    openid,
    orgId: committeeId,
    role: 'admin',
    grantedBy: openid,
    at: now,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('orgs', committee);
      await tx.create('orgs', branch);
      await tx.create('members', member);
      await tx.create('phoneKeys', phoneKeyDoc({ ...member, phone: input.phone }, now));
      await tx.create('phoneKeys', backfilledMarker(now));
      await tx.set('bindings', { _id: openid, memberId: member._id, at: now });
      await tx.create('roles', role);
      await writeAudit(tx, ctx, openid, {
        id: SETUP_AUDIT_ID,
        action: 'setup',
        target: `orgs/${committeeId}`,
        committeeId,
        after: {
          committee: committee.name,
          branch: branch.name,
          admin: member.name,
          phone: member.phone,
          ...(input.consent ? { consent: { version: DECLARATION_CONSENT_VERSION, at: now } } : {}),
        },
      });
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) throw conflict(ALREADY_SET_UP);
    throw error;
  }
  return { committeeId, branchId: branch._id, memberId: member._id };
});
