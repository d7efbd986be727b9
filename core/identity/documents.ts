import type { PartyStatus } from '../../contracts/common';
import type { ConsentRecord } from '../../contracts/consent';
import type { DeclarationStatus } from '../../contracts/identity';

/** Identity's documents as stored. Timestamps are ISO strings (UTC); calendar dates are `YYYY-MM-DD`. */

export interface DeclarationDoc {
  _id: string;
  openid: string;
  name: string;
  phone: string;
  partyStatus: PartyStatus;
  /** Null for someone on the way to membership (入党申请人, 入党积极分子, 发展对象). */
  joinedAt: string | null;
  fullAt: string | null;
  /** The org picked in the tree (a branch or a group), or the committee an outside member reports to. */
  orgId: string | null;
  branchId: string | null;
  committeeId: string | null;
  externalOrg: string | null;
  /** 工作单位 as declared (absent on declarations made before it was asked). */
  employer?: string | null;
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

/** `_id` is the openid: one WeChat user binds to at most one roster entry. */
export interface BindingDoc {
  _id: string;
  memberId: string;
  at: string;
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
