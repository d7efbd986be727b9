import type { NoticeChannel, NoticeKind } from '../../contracts/labels/notice';

/**
 * What the timer did with a notice's subscribe message: `pending` until it runs; `sending` while one
 * run holds it; `sent`; `refused` (WeChat's 43101: no consent left); `no-consent` (none recorded
 * here); `skipped` (no template configured for its channel, or too old); `failed` (any other error).
 */
export type PushState = 'pending' | 'sending' | 'sent' | 'refused' | 'no-consent' | 'skipped' | 'failed';

/** `notices/<memberId>:<key>`: one 消息 to one member; the key names the event, so it is written once. */
export interface NoticeDoc {
  _id: string;
  memberId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  key: string;
  title: string;
  body: string;
  link: string | null;
  /** When it was written (ISO); lists run newest first. */
  at: string;
  /** When the event happens, if it is a reminder (an activity's start, a task's due date), ISO. */
  eventAt: string | null;
  read: boolean;
  readAt: string | null;
  push: PushState;
  pushAt: string | null;
}

/** `subscriptions/<memberId>`: consents to subscribe messages left, by template id. */
export interface SubscriptionDoc {
  _id: string;
  openid: string;
  credits: Record<string, number>;
  updatedAt: string;
}
