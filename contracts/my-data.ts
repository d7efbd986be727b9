import type { PartyStatus, Role } from './common';
import type { DeclarationStatus } from './identity';
import type { ObjectionStatus } from './points';
import type { MemberHistoryEntry, MemberProfile, MemberStatus } from './roster';

/**
 * 我的数据: everything the app holds about the caller (PIPL Art. 45, the right to access and copy),
 * and nothing about anyone else. Watch time is shown as progress and completion only.
 */
export interface MyData {
  generatedAt: string;
  /** The roster entry the caller is bound to, if any. */
  member: {
    id: string;
    name: string;
    /** null: the roster has no mobile for the member. */
    phone: string | null;
    landline: string | null;
    partyStatus: PartyStatus;
    joinedAt: string | null;
    fullAt: string | null;
    orgName: string;
    groupName: string | null;
    externalOrg: string | null;
    status: MemberStatus;
    exemptReason: string | null;
    gender: MemberProfile['gender'];
    birthDate: string | null;
    ethnicity: MemberProfile['ethnicity'];
    education: MemberProfile['education'];
    workUnit: string | null;
    /** 党员分类 (老党员, 困难党员 …), [] for none. */
    categories: MemberProfile['categories'];
    createdAt: string;
    /** Changes to the entry (created, transferred, deactivated…), as recorded. */
    history: MemberHistoryEntry[];
  } | null;
  /** WeChat accounts bound to the entry: only the caller's own. */
  bindings: Array<{ account: string; at: string }>;
  roles: Array<{ orgName: string; role: Role; at: string }>;
  declarations: Array<{
    id: string;
    status: DeclarationStatus;
    name: string;
    phone: string;
    partyStatus: PartyStatus;
    /** Null for someone on the way to membership. */
    joinedAt: string | null;
    fullAt: string | null;
    orgName: string | null;
    externalOrg: string | null;
    reason: string | null;
    createdAt: string;
    reviewedAt: string | null;
    /** The separate consent given with it; null on declarations made before consent was asked. */
    consent: { version: string; at: string } | null;
  }>;
  attendance: Array<{
    activityId: string;
    title: string;
    startAt: string | null;
    status: 'present' | 'late' | 'leave' | 'exempt' | 'absent' | 'revoked';
    at: string;
    method: string;
    note: string | null;
    points: number;
    /** A located sign-in keeps the distance and the verdict only, never coordinates. */
    location: { distance: number; within: boolean } | null;
  }>;
  leaves: Array<{
    activityId: string;
    activityTitle: string;
    activityStartAt: string;
    reason: string;
    status: 'pending' | 'approved' | 'rejected';
    note: string | null;
    at: string;
    reviewedAt: string | null;
  }>;
  points: Array<{ id: string; ruleName: string; value: number; reason: string; at: string; reverses: string | null }>;
  lectures: Array<{
    lectureId: string;
    title: string;
    /** 0–100. */
    progress: number;
    completed: boolean;
    quizPassed: boolean | null;
    lastStudiedAt: string | null;
    completedAt: string | null;
  }>;
  objections: Array<{
    id: string;
    ruleName: string;
    value: number;
    reason: string;
    status: ObjectionStatus;
    resolution: string | null;
    at: string;
  }>;
}

/** The separate-consent notice of 亮身份, as the server records its version. */
export interface ConsentNotice {
  version: string;
  title: string;
  sections: ReadonlyArray<{ heading: string; text: string }>;
  agreement: string;
}
