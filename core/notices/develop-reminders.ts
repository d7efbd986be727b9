import type { HandlerContext } from '../runtime/context';
import { nextStep, openCandidatesOf, window, type CandidateDoc } from '../develop';
import type { OrgDoc } from '../roster';
import { byIds } from '../shared/paging';
import { daysBetween } from '../tasks';
import { noticeId, notifyAll, roleHoldersOf, secretariesOf } from './notify';

/** A 发展党员 file's next step is reminded of this many days before its due date (and on it). */
export const DEVELOP_DUE_SOON_DAYS = 7;

export interface DevelopReminder {
  kind: 'develop.due' | 'develop.overdue';
  step: string;
  stepName: string;
  /** The last day the rules give the step, `YYYY-MM-DD`. */
  due: string;
}

/**
 * What to remind of a file on China date `today`: its next step once it is due within
 * {@link DEVELOP_DUE_SOON_DAYS} days, or past its due date; null for a step with no due date, a
 * complete or closed file, or one not yet near.
 */
export function developReminder(file: CandidateDoc, today: string): DevelopReminder | null {
  // A closed file (终止发展) is off the board too; `closed` is checked as well should one stay open.
  if (file.done || (file as { closed?: unknown }).closed) return null;
  const next = nextStep(file);
  if (!next) return null;
  const { due } = window(file, next.code);
  if (!due) return null;
  const daysLeft = daysBetween(today, due);
  if (daysLeft > DEVELOP_DUE_SOON_DAYS) return null;
  return { kind: daysLeft < 0 ? 'develop.overdue' : 'develop.due', step: next.code, stepName: next.name, due };
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))} 月 ${Number(date.slice(8, 10))} 日`;

/** 「发展党员：张三的“党组织派人谈话”将于 12 月 10 日到期」, or 「…已超期（12 月 10 日到期）」. */
export function developReminderTitle(name: string, reminder: DevelopReminder): string {
  const what = `发展党员：${name}的“${reminder.stepName}”`;
  return reminder.kind === 'develop.due'
    ? `${what}将于 ${monthDay(reminder.due)}到期`
    : `${what}已超期（${monthDay(reminder.due)}到期）`;
}

const developReminderBody = (branch: string, reminder: DevelopReminder) =>
  reminder.kind === 'develop.due'
    ? `${branch}。请按时办理，办理后在发展党员档案中记录日期。`
    : `${branch}。请尽快办理，并在发展党员档案中记录日期。`;

/** The orgs above `orgId`, nearest first. */
function ancestors(orgs: Map<string, OrgDoc>, orgId: string): string[] {
  const found: string[] = [];
  for (let parent = orgs.get(orgId)?.parentId; parent; parent = orgs.get(parent)?.parentId) found.push(parent);
  return found;
}

/**
 * Who hears of a branch's files: its secretaries; a branch without one (bound to a roster entry),
 * the admins of the nearest org above that has some.
 */
async function staffOf(
  ctx: HandlerContext,
  orgs: Map<string, OrgDoc>,
  branchIds: string[],
): Promise<Map<string, string[]>> {
  const staff = await secretariesOf(ctx.store, branchIds);
  const uncovered = branchIds.filter((id) => !staff.get(id)?.length);
  if (!uncovered.length) return staff;
  const above = [...new Set(uncovered.flatMap((id) => ancestors(orgs, id)))];
  const admins = await roleHoldersOf(ctx.store, above, 'admin');
  for (const branchId of uncovered) {
    const nearest = ancestors(orgs, branchId).find((id) => admins.get(id)?.length);
    staff.set(branchId, nearest ? (admins.get(nearest) ?? []) : []);
  }
  return staff;
}

/**
 * 培养联系人 of each file (by file id): the roster entries its person's entry names (`contacts`),
 * active, bound to a WeChat user and of the file's branch.
 */
async function contactsOf(ctx: HandlerContext, files: CandidateDoc[]): Promise<Map<string, string[]>> {
  const people = await byIds(
    ctx.store,
    'members',
    files.flatMap((file) => (file.memberId ? [file.memberId] : [])),
  );
  const refs = (file: CandidateDoc) =>
    (file.memberId ? (people.get(file.memberId)?.contacts ?? []) : []).flatMap((ref) =>
      ref.memberId ? [ref.memberId] : [],
    );
  const contacts = await byIds(ctx.store, 'members', files.flatMap(refs));
  return new Map(
    files.map((file) => [
      file._id,
      refs(file).filter((id) => {
        const contact = contacts.get(id);
        return contact?.status === 'active' && Boolean(contact.openid) && contact.branchId === file.branchId;
      }),
    ]),
  );
}

/**
 * 发展党员 reminders: each open file's next step, when it becomes due within 7 days and when it
 * becomes overdue, to the branch's secretaries (or the admins above, when it has none) with a link to
 * the file, and to the person's 培养联系人; once each per file, step and kind (the notice's key).
 */
export async function remindDevelop(ctx: HandlerContext, now: Date, today: string, orgs: OrgDoc[]): Promise<number> {
  const byId = new Map(orgs.map((org) => [org._id, org]));
  const committees = orgs.filter((org) => org.kind === 'committee' && !org.archivedAt);
  let written = 0;
  for (const committee of committees) {
    const due = (await openCandidatesOf(ctx.store, { committeeId: committee._id })).flatMap((file) => {
      const reminder = developReminder(file, today);
      return reminder ? [{ file, reminder, key: `${reminder.kind}:${file._id}:${reminder.step}` }] : [];
    });
    if (!due.length) continue;
    const staff = await staffOf(ctx, byId, [...new Set(due.map((d) => d.file.branchId))]);
    const contacts = await contactsOf(
      ctx,
      due.map((d) => d.file),
    );
    const recipients = due.map((d) => ({
      ...d,
      staff: staff.get(d.file.branchId) ?? [],
      contacts: contacts.get(d.file._id) ?? [],
    }));
    // Most runs find every reminder written already: one read for them all.
    const existing = await byIds(
      ctx.store,
      'notices',
      recipients.flatMap((r) => [...r.staff, ...r.contacts].map((memberId) => noticeId(memberId, r.key))),
    );
    for (const { file, reminder, key, staff: toStaff, contacts: toContacts } of recipients) {
      const pending = (ids: string[]) => ids.filter((memberId) => !existing.has(noticeId(memberId, key)));
      const notice = {
        kind: reminder.kind,
        title: developReminderTitle(file.name, reminder),
        body: developReminderBody(byId.get(file.branchId)?.name ?? '', reminder),
        key,
        at: now.toISOString(),
        eventAt: `${reminder.due}T15:59:59.999Z`,
      };
      // The staff's first: a 培养联系人 who is also the secretary gets the one with the file's link.
      written += await notifyAll(ctx.store, pending(toStaff), {
        ...notice,
        link: `/packages/secretary/pages/develop-file/index?id=${file._id}`,
      });
      // A 培养联系人 cannot open the file: their notice links nowhere.
      written += await notifyAll(ctx.store, pending(toContacts), { ...notice, link: null });
    }
  }
  return written;
}
