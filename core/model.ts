import type { OrgKind, PartyStatus, Role } from '../contracts/common';
import type { ConsentRecord } from '../contracts/consent';
import type { DeclarationStatus } from '../contracts/identity';
import type { MemberHistoryEntry, MemberStatus } from '../contracts/roster';

/** Documents as stored. Timestamps are ISO strings (UTC); calendar dates are `YYYY-MM-DD`. */

export interface OrgDoc {
  _id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  committeeId: string;
  createdAt: string;
}

export interface MemberDoc {
  _id: string;
  name: string;
  phone: string;
  partyStatus: PartyStatus;
  joinedAt: string;
  fullAt: string | null;
  committeeId: string;
  branchId: string;
  groupId: string | null;
  status: MemberStatus;
  inactiveReason: string | null;
  /** The WeChat user bound to this roster entry, if any. */
  openid: string | null;
  /** For 流动党员: where their organisational relationship is kept. */
  externalOrg: string | null;
  /** 免于参加组织生活 and why; absent on documents written before exemptions existed. */
  exemptReason?: string | null;
  history: MemberHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

/** `_id` is the openid: one WeChat user binds to at most one roster entry. */
export interface BindingDoc {
  _id: string;
  memberId: string;
  at: string;
}

/** `_id` is `${openid}:${orgId}:${role}`. */
export interface RoleDoc {
  _id: string;
  openid: string;
  orgId: string;
  role: Role;
  grantedBy: string;
  at: string;
}

export interface DeclarationDoc {
  _id: string;
  openid: string;
  name: string;
  phone: string;
  partyStatus: PartyStatus;
  joinedAt: string;
  fullAt: string | null;
  /** The org picked in the tree (a branch or a group), or the committee an outside member reports to. */
  orgId: string | null;
  branchId: string | null;
  committeeId: string | null;
  externalOrg: string | null;
  status: DeclarationStatus;
  reason: string | null;
  memberId: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdAt: string;
  /** The separate consent given with it (absent on declarations made before consent was asked). */
  consent?: ConsentRecord;
}

/** `_id` is the openid: its existence is the "one open declaration per user" rule. */
export interface OpenDeclarationDoc {
  _id: string;
  declarationId: string;
}

export interface AuditDoc {
  _id: string;
  at: string;
  actor: string;
  committeeId: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** A local-host session (the bearer token is its id); lifetimes in host/sessions.ts and docs/api.md. */
export interface SessionDoc {
  _id: string;
  openid: string;
  /** Made by the demo login: honoured in demo mode only. */
  demo: boolean;
  createdAt: string;
  /** Last use (written back at most hourly): the idle lifetime counts from here. */
  lastSeenAt: string;
  /** The absolute end, fixed at creation. */
  expiresAt: string;
}

export interface FileDoc {
  _id: string;
  name: string;
  owner: string;
  /** `media`: an upload shared as a lecture's video or cover, readable by everyone through `/media/files/<id>`. */
  kind: 'upload' | 'export' | 'media';
  size: number;
  createdAt: string;
}
