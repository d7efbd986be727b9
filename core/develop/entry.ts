import type { DevelopCategory } from '../../contracts/develop';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../contracts/labels/common';
import { PEOPLE_STEP_RULES, type PeopleStepMark } from '../../contracts/labels/develop';
import type { MemberHistoryEntry, PersonRef } from '../../contracts/roster';
import { claimPhone, type MemberDoc } from '../roster';
import type { HandlerContext } from '../runtime/context';
import { conflict, invalidInput } from '../runtime/errors';
import type { Tx } from '../shared/collections';
import type { OrgTree } from '../shared/org-tree';
import type { CandidateDoc } from './documents';
import { formatDate } from './rules';

/**
 * The person's roster entry as 发展党员 keeps it: made when the file is opened (入党申请人, no 入党日期),
 * moved on with the file's category, given its 培养联系人 and 入党介绍人, and deactivated when the file
 * is closed. Each change is a line of the entry's history.
 */

/** What a recorded step does to the entry. */
export interface EntryChange {
  /** The 党员身份 to hold, or undefined to leave it (a Party member's status is the roster's, except at admission and 转正). */
  status?: DevelopCategory;
  joinedAt?: string;
  fullAt?: string;
  people?: { mark: PeopleStepMark; list: PersonRef[] };
  /** The step, as history names it: `推荐和确定入党积极分子（2024年4月10日）`. */
  step: string;
}

/** A new entry for the file's person, in the file's branch or group, with no mobile key claimed yet. */
export function newEntry(
  id: string,
  file: Pick<CandidateDoc, 'name' | 'phone' | 'committeeId' | 'branchId' | 'groupId'>,
  status: DevelopCategory,
  dates: { joinedAt: string | null; fullAt: string | null },
  note: string,
  now: string,
): MemberDoc {
  return {
    _id: id,
    name: file.name,
    phone: file.phone,
    landline: null,
    partyStatus: status,
    joinedAt: dates.joinedAt,
    fullAt: dates.fullAt,
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
    history: [{ at: now, action: 'created', note }],
    createdAt: now,
    updatedAt: now,
  };
}

const names = (list: PersonRef[]) => list.map((p) => p.name).join('、');

/** The entry after `change`, with a history line for each thing that changed (the entry itself when nothing did). */
export function changedEntry(member: MemberDoc, change: EntryChange, now: string): MemberDoc {
  const after: MemberDoc = { ...member };
  const lines: MemberHistoryEntry[] = [];
  if (change.status && change.status !== member.partyStatus) {
    after.partyStatus = change.status;
    lines.push({
      at: now,
      action: 'updated',
      note: `发展党员：${change.step}，${PARTY_STATUS_LABELS[member.partyStatus]}转为${PARTY_STATUS_LABELS[change.status]}`,
    });
  }
  if (change.joinedAt && change.joinedAt !== member.joinedAt) {
    after.joinedAt = change.joinedAt;
    lines.push({
      at: now,
      action: 'updated',
      note: `发展党员：入党日期为${formatDate(change.joinedAt)}（支部大会通过之日）`,
    });
  }
  if (change.fullAt && change.fullAt !== member.fullAt) {
    after.fullAt = change.fullAt;
    lines.push({ at: now, action: 'updated', note: `发展党员：转正日期为${formatDate(change.fullAt)}` });
  }
  if (change.people) {
    const { mark, list } = change.people;
    after[mark] = list;
    lines.push({ at: now, action: 'updated', note: `发展党员：${PEOPLE_STEP_RULES[mark].label}为${names(list)}` });
  }
  if (!lines.length) return member;
  return { ...after, updatedAt: now, history: [...member.history, ...lines] };
}

/**
 * Applies a recorded step to the file's entry, in the step's transaction: the linked entry (which
 * must still be active), or, for a file opened before entries were made (`memberId` null), a new
 * one holding the file's category, its mobile claimed as the roster claims it. Returns its id.
 */
export async function applyToEntry(
  tx: Tx,
  file: CandidateDoc,
  newId: string,
  change: EntryChange,
  now: string,
): Promise<string> {
  if (!file.memberId) {
    const status = change.status ?? 'applicant';
    const fresh = newEntry(
      newId,
      file,
      status,
      { joinedAt: change.joinedAt ?? null, fullAt: change.fullAt ?? null },
      `发展党员：${change.step}，登记为${PARTY_STATUS_LABELS[status]}`,
      now,
    );
    const member = change.people ? { ...fresh, [change.people.mark]: change.people.list } : fresh;
    await claimPhone(tx, member, now);
    await tx.create('members', member);
    return member._id;
  }
  const member = await tx.get('members', file.memberId);
  if (!member || member.status !== 'active')
    throw conflict(`${file.name}在花名册上的记录已停用，不能再记录步骤：请先核对花名册，或终止发展`);
  const after = changedEntry(member, change, now);
  if (after !== member) await tx.set('members', after);
  return member._id;
}

/**
 * The people named with a step, checked: a name typed in is taken as given; one picked from the
 * roster must be an active 正式党员 of the file's branch (培养联系人) or committee (入党介绍人), and
 * no one twice.
 */
export async function checkedPeople(
  ctx: HandlerContext,
  tree: OrgTree,
  file: CandidateDoc,
  mark: PeopleStepMark,
  given: ReadonlyArray<{ memberId?: string; name?: string }>,
): Promise<PersonRef[]> {
  const rule = PEOPLE_STEP_RULES[mark];
  const scopeId = rule.scope === 'branch' ? file.branchId : file.committeeId;
  const scopeName = tree.get(scopeId)?.name ?? (rule.scope === 'branch' ? '本支部' : '本党委');
  const list: PersonRef[] = [];
  for (const [i, person] of given.entries()) {
    const which = given.length > 1 ? `第 ${i + 1} 位${rule.label}` : rule.label;
    if (!person.memberId) {
      list.push({ memberId: null, name: person.name ?? '' });
      continue;
    }
    const field = `${mark}.${i}.memberId`;
    const member = await ctx.store.get('members', person.memberId);
    const inScope = member && (rule.scope === 'branch' ? member.branchId : member.committeeId) === scopeId;
    if (!member || !inScope)
      throw invalidInput(
        field,
        `${which}应为${scopeName}的正式党员，所选的人不在${scopeName}花名册上；不在花名册上的请填写姓名`,
      );
    if (member.status !== 'active') throw invalidInput(field, `${which}${member.name}已停用，请另选`);
    if (member._id === file.memberId) throw invalidInput(field, `${which}不能是${file.name}本人`);
    if (member.partyStatus !== 'full')
      throw invalidInput(
        field,
        `${which}应为正式党员：${member.name}是${PARTY_STATUS_LABELS[member.partyStatus]}${
          isPartyMember(member.partyStatus) ? '，转正后方可担任' : ''
        }`,
      );
    list.push({ memberId: member._id, name: member.name });
  }
  // The same member twice, or a name typed in beside the same name (picked or typed): one person.
  const same = (a: PersonRef, b: PersonRef) =>
    a.memberId && b.memberId ? a.memberId === b.memberId : a.name === b.name;
  if (list.some((a, i) => list.slice(i + 1).some((b) => same(a, b))))
    throw invalidInput(mark, `${rule.label}不能重复填写同一个人`);
  return list;
}
