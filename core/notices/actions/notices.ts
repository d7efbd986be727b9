import { NOTICE_CHANNELS } from '../../../contracts/labels/notice';
import { noticeSchemas, type NoticeOutputs } from '../../../contracts/notice';
import { NOTICE_PAGE_SIZE } from '../../../contracts/labels/notice';
import { action } from '../../runtime/dispatch';
import { forbidden, invalidInput } from '../../runtime/errors';
import { loadCaller } from '../../shared/caller';
import { byIds } from '../../shared/paging';
import { noticesOfMember, unreadCount, unreadOfMember } from '../queries';

/** Notices are a member's: someone bound to no roster entry has none. */
async function memberOf(ctx: Parameters<typeof loadCaller>[0]) {
  const caller = await loadCaller(ctx);
  return { caller, memberId: caller.member?._id ?? null };
}

export const list = action(noticeSchemas.list, async (ctx, input): Promise<NoticeOutputs['list']> => {
  const page = input?.page ?? 1;
  const { memberId } = await memberOf(ctx);
  if (!memberId) return { items: [], page, pageSize: NOTICE_PAGE_SIZE, hasMore: false, unread: 0 };
  const [read, unread] = await Promise.all([
    noticesOfMember(ctx.store, memberId, (page - 1) * NOTICE_PAGE_SIZE, NOTICE_PAGE_SIZE + 1),
    unreadCount(ctx.store, memberId),
  ]);
  return {
    items: read.slice(0, NOTICE_PAGE_SIZE).map((n) => ({
      id: n._id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      at: n.at,
      read: n.read,
      link: n.link,
    })),
    page,
    pageSize: NOTICE_PAGE_SIZE,
    hasMore: read.length > NOTICE_PAGE_SIZE,
    unread,
  };
});

/** At most this many notices are marked read by one call without ids (the rest by the next). */
const READ_ALL_LIMIT = 200;

export const read = action(noticeSchemas.read, async (ctx, input): Promise<NoticeOutputs['read']> => {
  const { memberId } = await memberOf(ctx);
  if (!memberId) return { updated: 0 };
  const now = ctx.clock().toISOString();
  const targets = input?.ids
    ? [...(await byIds(ctx.store, 'notices', input.ids)).values()].filter((n) => n.memberId === memberId && !n.read)
    : await unreadOfMember(ctx.store, memberId, READ_ALL_LIMIT);
  // Another member's notice is neither read nor revealed: it is simply not the caller's.
  let updated = 0;
  for (const notice of targets) {
    if (await ctx.store.update('notices', notice._id, { $set: { read: true, readAt: now } })) updated += 1;
  }
  return { updated };
});

export const templates = action(noticeSchemas.templates, async (ctx): Promise<NoticeOutputs['templates']> => {
  await loadCaller(ctx);
  const configured = ctx.subscribe?.templates ?? {};
  return {
    templates: NOTICE_CHANNELS.flatMap((channel) => {
      const template = configured[channel];
      return template ? [{ channel, templateId: template.id }] : [];
    }),
  };
});

/** Each accepted template is one more message the member may receive (WeChat's one-time consent). */
export const subscribe = action(noticeSchemas.subscribe, async (ctx, input): Promise<NoticeOutputs['subscribe']> => {
  const { caller, memberId } = await memberOf(ctx);
  if (!memberId) throw forbidden('请先完成亮身份');
  const configured = new Set(Object.values(ctx.subscribe?.templates ?? {}).map((t) => t.id));
  // Nothing configured: nothing will be sent, so there is nothing to consent to.
  if (configured.size === 0) return { accepted: [] };
  for (const [index, id] of input.templateIds.entries())
    if (!configured.has(id)) throw invalidInput(`templateIds.${index}`, '不是本小程序的消息模板');
  const accepted = [...new Set(input.templateIds)];
  const now = ctx.clock().toISOString();
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get('subscriptions', memberId);
    if (!current) {
      await tx.create('subscriptions', {
        _id: memberId,
        openid: caller.openid,
        credits: Object.fromEntries(accepted.map((id) => [id, 1])),
        updatedAt: now,
      });
      return;
    }
    await tx.update('subscriptions', memberId, {
      $set: { openid: caller.openid, updatedAt: now },
      $inc: Object.fromEntries(accepted.map((id) => [`credits.${id}`, 1])),
    });
  });
  return { accepted };
});
