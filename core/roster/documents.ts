import type { OrgKind, PartyStatus, Role } from '../../contracts/common';
import type { MemberHistoryEntry, MemberProfile, MemberStatus, PersonRef } from '../../contracts/roster';

/** The roster's documents as stored. Timestamps are ISO strings (UTC); calendar dates are `YYYY-MM-DD`. */

export interface OrgDoc {
  _id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  committeeId: string;
  createdAt: string;
  /** 已撤销 (roster.archiveOrg): kept for history, hidden from pickers, takes no one new. */
  archivedAt?: string | null;
}

export interface MemberDoc {
  _id: string;
  name: string;
  /** The mobile number; null for a member without one (many retired members): uniqueness applies to mobiles. */
  phone: string | null;
  /** A fixed-line number, for those reached that way; absent on older documents. */
  landline?: string | null;
  partyStatus: PartyStatus;
  /** 入党日期; null until someone fills it in (the first admin may leave it at setup). */
  joinedAt: string | null;
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
  /** 性别, 出生日期, 民族, 学历, 工作单位: absent on documents written before they existed (read as null). */
  gender?: MemberProfile['gender'];
  birthDate?: string | null;
  ethnicity?: MemberProfile['ethnicity'];
  education?: MemberProfile['education'];
  workUnit?: string | null;
  /** 党员分类 (老党员, 困难党员 …): absent on older documents (read as []). */
  categories?: MemberProfile['categories'];
  /** 培养联系人 (from 入党积极分子 on) and 入党介绍人 (from 发展对象 on), as 发展党员 records them; absent before. */
  contacts?: PersonRef[];
  sponsors?: PersonRef[];
  history: MemberHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

/** A refused 初始化 (wrong setup code): how attempts are limited. */
export interface SetupAttemptDoc {
  _id: string;
  openid: string;
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

/** `phoneKeys/<committeeId>:<phone>`: the active member holding the number (phone-keys.ts says why). */
export interface PhoneKeyDoc {
  _id: string;
  committeeId: string;
  phone: string;
  memberId: string;
  at: string;
}

/** `phoneKeys/backfill:v1`: written once the keys of a database created before they existed have been filled in. */
export interface PhoneKeysBackfillDoc {
  _id: string;
  at: string;
  /** Active members left without a key because an earlier member already held their number. */
  unkeyed: number;
}
