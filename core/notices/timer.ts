import type { HandlerContext } from '../runtime/context';
import { allOrgs, type OrgDoc } from '../roster';
import { chinaDate, formatChinaMonthDayTime, inChina } from '../shared/china-time';
import { completionsOf, currentOccurrence, daysBetween, tasksOfCommittee } from '../tasks';
import { remindDevelop } from './develop-reminders';
import type { NoticeDoc, PushState } from './documents';
import { notifyAll, secretariesOf } from './notify';
import { activeActivitiesEndingFrom, pendingPushes } from './queries';
import { NO_CONSENT_LEFT, thing, type SubscribeTemplate } from './subscribe';

const HOUR = 3_600_000;
/** A subscribe message is sent for a notice at most this long after it was written; later, it is stale. */
const PUSH_WITHIN_MS = 24 * HOUR;
/** Per timer run: enough for a committee's evening, without outrunning the function's timeout. */
const ACTIVITY_LIMIT = 500;
const PUSH_LIMIT = 200;

export interface NoticeTimerResult {
  reminders: number;
  sent: number;
  refused: number;
  noConsent: number;
  skipped: number;
  failed: number;
}

/** Activity reminders: the day before (within 24 hours) and within the hour, to the expected members, once each. */
async function remindActivities(ctx: HandlerContext, now: Date): Promise<number> {
  let written = 0;
  for (const activity of await activeActivitiesEndingFrom(ctx.store, now.toISOString(), ACTIVITY_LIMIT)) {
    const lead = Date.parse(activity.startAt) - now.getTime();
    if (lead <= 0 || lead > 24 * HOUR) continue;
    const soon = lead <= HOUR;
    const start = new Date(activity.startAt);
    const kind = soon ? 'activity.soon' : 'activity.tomorrow';
    written += await notifyAll(
      ctx.store,
      activity.attendees.map((a) => a.id),
      {
        kind,
        title: activity.title,
        body: soon ? `${inChina(start).format('HH:mm')} 开始，请准时参加` : `${formatChinaMonthDayTime(start)} 开始`,
        link: `/pages/activity/index?id=${activity._id}`,
        // The start is in the key: a rescheduled activity reminds again.
        key: `${kind}:${activity._id}:${activity.startAt}`,
        at: now.toISOString(),
        eventAt: activity.startAt,
      },
    );
  }
  return written;
}

/** Task reminders: an open occurrence due today or tomorrow (China dates), to its branches' secretaries, once. */
async function remindTasks(ctx: HandlerContext, now: Date, orgs: OrgDoc[]): Promise<number> {
  const today = chinaDate(now);
  const committees = orgs.filter((org) => org.kind === 'committee' && !org.archivedAt);
  let written = 0;
  for (const committee of committees) {
    for (const task of await tasksOfCommittee(ctx.store, committee._id)) {
      const { period, dueDate } = currentOccurrence(task, today);
      const daysLeft = daysBetween(today, dueDate);
      if (daysLeft < 0 || daysLeft > 1) continue;
      const done = new Set((await completionsOf(ctx.store, task._id, period)).map((c) => c.orgId));
      const open = task.orgIds.filter((id) => !done.has(id));
      if (open.length === 0) continue;
      const secretaries = await secretariesOf(ctx.store, open);
      written += await notifyAll(ctx.store, [...secretaries.values()].flat(), {
        kind: 'task.due',
        title: task.title,
        body: daysLeft === 0 ? `今天（${dueDate}）截止，请及时销号` : `明天（${dueDate}）截止`,
        link: '/packages/secretary/pages/tasks/index',
        key: `task.due:${task._id}:${period}`,
        at: now.toISOString(),
        eventAt: `${dueDate}T15:59:59.999Z`,
      });
    }
  }
  return written;
}

function messageData(template: SubscribeTemplate, notice: NoticeDoc): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  if (template.title) data[template.title] = { value: thing(notice.title) };
  if (template.time)
    data[template.time] = { value: inChina(new Date(notice.eventAt ?? notice.at)).format('YYYY年M月D日 HH:mm') };
  if (template.body && notice.body) data[template.body] = { value: thing(notice.body) };
  return data;
}

/**
 * Sends the subscribe message of each pending notice whose channel has a template, spending one of the
 * member's consents. Claiming a notice (pending → sending) and spending the consent are one
 * transaction, so two runs at once send it once.
 */
async function push(ctx: HandlerContext, now: Date, result: NoticeTimerResult): Promise<void> {
  const gateway = ctx.subscribe;
  if (!gateway) return;
  const at = now.toISOString();
  const setPush = (id: string, state: PushState) =>
    ctx.store.update('notices', id, { $set: { push: state, pushAt: at } });
  for (const stale of await pendingPushes(
    ctx.store,
    { to: new Date(now.getTime() - PUSH_WITHIN_MS).toISOString() },
    PUSH_LIMIT,
  )) {
    await setPush(stale._id, 'skipped');
    result.skipped += 1;
  }
  const pending = await pendingPushes(
    ctx.store,
    { from: new Date(now.getTime() - PUSH_WITHIN_MS).toISOString() },
    PUSH_LIMIT,
  );
  for (const notice of pending) {
    const template = gateway.templates[notice.channel];
    if (!template) {
      await setPush(notice._id, 'skipped');
      result.skipped += 1;
      continue;
    }
    const claim = await ctx.store.transaction(async (tx) => {
      const current = await tx.get('notices', notice._id);
      if (!current || current.push !== 'pending') return 'taken' as const;
      const subscription = await tx.get('subscriptions', notice.memberId);
      if (!subscription || (subscription.credits[template.id] ?? 0) < 1) {
        await tx.update('notices', notice._id, { $set: { push: 'no-consent', pushAt: at } });
        return 'no-consent' as const;
      }
      await tx.update('subscriptions', notice.memberId, {
        $inc: { [`credits.${template.id}`]: -1 },
        $set: { updatedAt: at },
      });
      await tx.update('notices', notice._id, { $set: { push: 'sending', pushAt: at } });
      return { openid: subscription.openid };
    });
    if (claim === 'taken') continue;
    if (claim === 'no-consent') {
      result.noConsent += 1;
      continue;
    }
    let outcome: PushState;
    try {
      const answer = await gateway.send({
        touser: claim.openid,
        templateId: template.id,
        page: (notice.link ?? '/pages/index/index').replace(/^\//, ''),
        data: messageData(template, notice),
      });
      outcome = answer.errcode === 0 ? 'sent' : answer.errcode === NO_CONSENT_LEFT ? 'refused' : 'failed';
    } catch {
      outcome = 'failed';
    }
    await setPush(notice._id, outcome);
    if (outcome === 'refused') {
      // WeChat holds no consent for it: the count here was out of step with WeChat's.
      await ctx.store.update('subscriptions', notice.memberId, { $set: { [`credits.${template.id}`]: 0 } });
    }
    if (outcome === 'sent') result.sent += 1;
    else if (outcome === 'refused') result.refused += 1;
    else result.failed += 1;
  }
}

/**
 * The notice function's timer (cloudfunctions/notice/config.json, every 10 minutes; the local host
 * runs it too): writes the reminders that are due, once each (by key), then sends the subscribe
 * messages members consented to. Safe to run twice at once.
 */
export async function runNoticeTimer(ctx: HandlerContext): Promise<NoticeTimerResult> {
  const now = ctx.clock();
  const result: NoticeTimerResult = { reminders: 0, sent: 0, refused: 0, noConsent: 0, skipped: 0, failed: 0 };
  result.reminders += await remindActivities(ctx, now);
  const orgs = await allOrgs(ctx.store);
  result.reminders += await remindTasks(ctx, now, orgs);
  result.reminders += await remindDevelop(ctx, now, chinaDate(now), orgs);
  await push(ctx, now, result);
  return result;
}
