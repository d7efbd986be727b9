import { activeMemberPagesOfCommittee } from './queries';
import type { OrgTree } from '../shared/org-tree';
import { can } from '../shared/permissions';
import type { MemberDoc, PhoneKeyDoc, PhoneKeysBackfillDoc } from './documents';
import type { HandlerContext } from '../runtime/context';
import { conflict } from '../runtime/errors';
import { DuplicateIdError } from '../store/port';
import type { Caller } from '../shared/caller';
import type { Store, Tx } from '../shared/collections';

/**
 * Phone numbers are unique among a committee's active members by a storage guarantee: every
 * active member owns the key document `phoneKeys/<committeeId>:<phone>`, created in the same
 * transaction as the member (or the phone change, the transfer, the import, the approval), and
 * `create` fails on an existing id on both adapters. Two requests racing for one number cannot
 * both commit. Deactivation releases the key, so the number may be given to someone else.
 */

const BACKFILL_ID = 'backfill:v1';

/** Digits only, without a +86 / 0086 prefix: how a number is compared. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 11 ? digits.replace(/^(?:00)?86(?=1\d{10}$)/, '') : digits;
}

export const phoneKeyId = (committeeId: string, phone: string) => `${committeeId}:${normalisePhone(phone)}`;

type KeyedMember = Pick<MemberDoc, '_id' | 'committeeId'> & { phone: string };

export function phoneKeyDoc(member: KeyedMember, at: string): PhoneKeyDoc {
  return {
    _id: phoneKeyId(member.committeeId, member.phone),
    committeeId: member.committeeId,
    phone: normalisePhone(member.phone),
    memberId: member._id,
    at,
  };
}

/** The number is held by another active member (their id, for a message fitted to the caller). */
export class PhoneTakenError extends Error {
  constructor(
    readonly committeeId: string,
    readonly holderId: string,
  ) {
    super('phone number already held');
    this.name = 'PhoneTakenError';
  }
}

/** The member a key names; the collection also holds the backfill marker, which names none. */
const keyHolder = (key: PhoneKeyDoc | PhoneKeysBackfillDoc | null): string | null =>
  key && 'memberId' in key ? key.memberId : null;

/**
 * The active member holding the number in the committee, read in the caller's transaction. A key
 * left behind by a member no longer active there (or no longer holding the number) holds nothing.
 */
export async function phoneHolder(tx: Tx, committeeId: string, phone: string): Promise<MemberDoc | null> {
  const id = phoneKeyId(committeeId, phone);
  const holderId = keyHolder(await tx.get('phoneKeys', id));
  const holder = holderId ? await tx.get('members', holderId) : null;
  return holder && holder.status === 'active' && holder.phone && phoneKeyId(holder.committeeId, holder.phone) === id
    ? holder
    : null;
}

/**
 * Makes `member` the holder of its number within its committee, in the caller's transaction
 * (taking over a stale key). Returns the holder's id when another active member holds it.
 */
async function holderOrClaim(tx: Tx, member: KeyedMember, at: string): Promise<string | null> {
  const doc = phoneKeyDoc(member, at);
  const key = await tx.get('phoneKeys', doc._id);
  if (!key) {
    await tx.create('phoneKeys', doc);
    return null;
  }
  if (keyHolder(key) === member._id) return null;
  const holder = await phoneHolder(tx, member.committeeId, member.phone);
  if (holder) return holder._id;
  await tx.set('phoneKeys', doc);
  return null;
}

/**
 * Claims the member's number or throws {@link PhoneTakenError}, aborting the transaction. A
 * member without a mobile claims nothing: uniqueness applies to mobiles.
 */
export async function claimPhone(
  tx: Tx,
  member: Pick<MemberDoc, '_id' | 'committeeId' | 'phone'>,
  at: string,
): Promise<void> {
  if (!member.phone) return;
  const holder = await holderOrClaim(tx, { ...member, phone: member.phone }, at);
  if (holder) throw new PhoneTakenError(member.committeeId, holder);
}

/** Gives up the member's key, if it is theirs. */
export async function releasePhone(tx: Tx, member: Pick<MemberDoc, '_id' | 'committeeId' | 'phone'>) {
  if (!member.phone) return;
  const id = phoneKeyId(member.committeeId, member.phone);
  const key = await tx.get('phoneKeys', id);
  if (keyHolder(key) === member._id) await tx.remove('phoneKeys', id);
}

/**
 * What a caller is told about a number someone else holds: the holder by name only when the
 * caller may read that member's roster entry; otherwise only that it is taken, and whom to ask.
 */
export function phoneTakenText(caller: Caller, tree: OrgTree, holder: MemberDoc | null): string {
  const org = holder && (holder.groupId ?? holder.branchId);
  if (holder && org && can(caller.roles, tree, 'roster.read', org))
    return `该手机号已登记在党员${holder.name}（${tree.get(org)?.name ?? ''}）名下`;
  return '该手机号已登记在其他支部或党小组，请联系党委管理员处理';
}

export async function phoneTakenMessage(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  holderId: string | null,
): Promise<string> {
  return phoneTakenText(caller, tree, holderId ? await ctx.store.get('members', holderId) : null);
}

/**
 * Turns a lost race for a number (found by the key's check, or by `create` failing on the key
 * when another transaction committed it first) into a CONFLICT worded for the caller; any
 * other error is returned unchanged.
 */
export async function asPhoneConflict(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  error: unknown,
  suffix = '',
): Promise<unknown> {
  let holderId: string | null;
  if (error instanceof PhoneTakenError) holderId = error.holderId;
  else if (error instanceof DuplicateIdError && error.collection === 'phoneKeys')
    holderId = keyHolder(await ctx.store.get('phoneKeys', error.id));
  else return error;
  return conflict(`${await phoneTakenMessage(ctx, caller, tree, holderId)}${suffix}`);
}

const backfills = new WeakMap<Store, Promise<void>>();

/**
 * Databases created before phone keys existed get them on first use: each active member's number
 * is claimed in committee order (oldest id first); a member whose number an earlier one already
 * holds keeps none (such duplicates predate the guarantee and are counted in the marker, without
 * personal data). Runs once per database (a marker document) and once per process.
 */
export function ensurePhoneKeys(ctx: HandlerContext, tree: OrgTree): Promise<void> {
  let running = backfills.get(ctx.store);
  if (!running) {
    running = backfill(ctx, tree);
    running.catch(() => backfills.delete(ctx.store));
    backfills.set(ctx.store, running);
  }
  return running;
}

async function backfill(ctx: HandlerContext, tree: OrgTree): Promise<void> {
  if (await ctx.store.get('phoneKeys', BACKFILL_ID)) return;
  const at = ctx.clock().toISOString();
  let unkeyed = 0;
  for (const committee of tree.all().filter((org) => org.kind === 'committee')) {
    for await (const page of activeMemberPagesOfCommittee(ctx.store, committee.id)) {
      for (let i = 0; i < page.length; i += 50) {
        const chunk = page.slice(i, i + 50);
        unkeyed += await ctx.store.transaction(async (tx) => {
          let duplicates = 0;
          for (const { _id } of chunk) {
            const member = await tx.get('members', _id);
            if (
              member?.status === 'active' &&
              member.phone &&
              (await holderOrClaim(tx, { ...member, phone: member.phone }, at))
            )
              duplicates++;
          }
          return duplicates;
        });
      }
    }
  }
  try {
    await ctx.store.create('phoneKeys', { _id: BACKFILL_ID, at, unkeyed });
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error;
  }
}

/** The marker a fresh database (the demo seed) writes once it has created every member's key. */
export const backfilledMarker = (at: string): PhoneKeysBackfillDoc => ({ _id: BACKFILL_ID, at, unkeyed: 0 });
