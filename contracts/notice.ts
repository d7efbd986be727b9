import { z } from 'zod';
import { idSchema, noInput, pageSchema } from './common';
import type { NoticeChannel, NoticeKind } from './labels/notice';

export { NOTICE_KINDS, NOTICE_KIND_LABELS, NOTICE_CHANNELS } from './labels/notice';
export type { NoticeChannel, NoticeKind };

const templateIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不正确');

export const noticeSchemas = {
  /** The caller's own 消息, newest first. */
  list: z.object({ page: pageSchema }).strict().optional(),
  /** Marks the caller's notices read: those of `ids`, or all of them when `ids` is absent. */
  read: z
    .object({ ids: z.array(idSchema).min(1).max(100).optional() })
    .strict()
    .optional(),
  /** The subscribe-message templates configured, by channel, for wx.requestSubscribeMessage. */
  templates: noInput,
  /** The templates the member accepted in wx.requestSubscribeMessage: each acceptance allows one send. */
  subscribe: z.object({ templateIds: z.array(templateIdSchema).min(1, '请选择模板').max(10) }).strict(),
};

export interface NoticeItem {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  /** ISO instant. */
  at: string;
  read: boolean;
  /** A page of the app to open, or null. */
  link: string | null;
}

export interface NoticeOutputs {
  list: { items: NoticeItem[]; page: number; pageSize: number; hasMore: boolean; unread: number };
  read: { updated: number };
  templates: { templates: Array<{ channel: NoticeChannel; templateId: string }> };
  subscribe: { accepted: string[] };
}
