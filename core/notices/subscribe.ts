import { NOTICE_CHANNELS, type NoticeChannel } from '../../contracts/labels/notice';

/** A template and which of its keys (`thing1`, `time2` …) holds the notice's title, time and note. */
export interface SubscribeTemplate {
  id: string;
  title?: string;
  time?: string;
  body?: string;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat's answer: 0 sent; 43101 the user has no consent left for the template (a normal outcome). */
export interface SubscribeResult {
  errcode: number;
  errmsg?: string;
}

export interface SubscribeGateway {
  templates: Partial<Record<NoticeChannel, SubscribeTemplate>>;
  send(message: SubscribeMessage): Promise<SubscribeResult>;
}

/** WeChat's code for "the user has not subscribed, or their one-time consent is used up". */
export const NO_CONSENT_LEFT = 43101;

const KEY = /^[a-z_]+\d+$/;

/**
 * The templates from configuration: `ZHIBU_SUBSCRIBE_TEMPLATES`, JSON by channel, e.g.
 * `{"activity":{"id":"<template id>","title":"thing1","time":"time2","body":"thing3"}}`. Entries that
 * do not fit are left out; none at all → an empty map (nothing is sent).
 */
export function parseTemplates(json: string | undefined): Partial<Record<NoticeChannel, SubscribeTemplate>> {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const found: Partial<Record<NoticeChannel, SubscribeTemplate>> = {};
  for (const channel of NOTICE_CHANNELS) {
    const entry = (parsed as Record<string, unknown>)[channel] as Record<string, unknown> | undefined;
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, title, time, body } = entry;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) continue;
    const key = (value: unknown) => (typeof value === 'string' && KEY.test(value) ? value : undefined);
    found[channel] = { id, title: key(title), time: key(time), body: key(body) };
  }
  return found;
}

/** At most 20 characters: WeChat refuses a longer `thing` value. */
export const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);
