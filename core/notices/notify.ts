import type { Role } from '../../contracts/common';
import { NOTICE_CHANNEL_OF, type NoticeKind } from '../../contracts/labels/notice';
import { rolesOnOrgs } from '../roster';
import type { Store, Tx } from '../shared/collections';
import { byIds } from '../shared/paging';
import { DuplicateIdError } from '../store/port';
import type { NoticeDoc } from './documents';

export interface NoticeInput {
  memberId: string;
  kind: NoticeKind;
  title: string;
  body?: string;
  /** A page of the app to open (`/packages/member/pages/...`). */
  link?: string | null;
  /** Names the event (`task.assigned:<task>:<period>`): a member is notified of an event once. */
  key: string;
  /** ISO instant it is written (the handler's clock). */
  at: string;
  /** When the event happens, for a reminder. */
  eventAt?: string | null;
}

export const noticeId = (memberId: string, key: string) => `${memberId}:${key}`;

/**
 * Writes one 消息, once per member and key: a retried action, an event seen twice or two timer runs at
 * once leave one notice. Usable inside a transaction (it reads before it creates) and outside one.
 * Returns whether it wrote it.
 */
export async function notify(store: Store | Tx, input: NoticeInput): Promise<boolean> {
  const _id = noticeId(input.memberId, input.key);
  if (await store.get('notices', _id)) return false;
  const doc: NoticeDoc = {
    _id,
    memberId: input.memberId,
    kind: input.kind,
    channel: NOTICE_CHANNEL_OF[input.kind],
    key: input.key,
    title: input.title,
    body: input.body ?? '',
    link: input.link ?? null,
    at: input.at,
    eventAt: input.eventAt ?? null,
    read: false,
    readAt: null,
    push: 'pending',
    pushAt: null,
  };
  try {
    await store.create('notices', doc);
    return true;
  } catch (error) {
    if (error instanceof DuplicateIdError) return false;
    throw error;
  }
}

/** Notifies each member of `memberIds` (deduplicated); returns how many notices were written. */
export async function notifyAll(
  store: Store,
  memberIds: readonly string[],
  notice: Omit<NoticeInput, 'memberId'>,
): Promise<number> {
  let written = 0;
  for (const memberId of new Set(memberIds)) if (await notify(store, { ...notice, memberId })) written += 1;
  return written;
}

/** The roster entries of each org's holders of `role` (those bound to one), by org. */
export async function roleHoldersOf(
  store: Store,
  orgIds: readonly string[],
  role: Role,
): Promise<Map<string, string[]>> {
  const roles = (await rolesOnOrgs(store, orgIds)).filter((r) => r.role === role);
  const bindings = await byIds(
    store,
    'bindings',
    roles.map((r) => r.openid),
  );
  const found = new Map<string, string[]>(orgIds.map((id) => [id, []]));
  for (const r of roles) {
    const memberId = bindings.get(r.openid)?.memberId;
    if (memberId) found.get(r.orgId)?.push(memberId);
  }
  return found;
}

/** The roster entries of each branch's secretaries (those bound to one), by branch. */
export const secretariesOf = (store: Store, orgIds: readonly string[]): Promise<Map<string, string[]>> =>
  roleHoldersOf(store, orgIds, 'secretary');
