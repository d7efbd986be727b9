import type {
  SubscribeGateway,
  SubscribeMessage,
  SubscribeResult,
  SubscribeTemplate,
} from '../../core/notices/subscribe';
import type { NoticeChannel } from '../../contracts/labels/notice';

/**
 * A test double of WeChat's subscribeMessage.send (reached through cloud.openapi, which cannot be
 * reached here). Like WeChat, it keeps each user's one-time consents per template and answers 43101
 * when none is left; it refuses a `thing` value over 20 characters (47003) and an unknown template
 * (40037). `consent` grants consents as the user's taps in wx.requestSubscribeMessage would.
 */
export class SubscribeDouble implements SubscribeGateway {
  readonly sent: SubscribeMessage[] = [];
  readonly attempts: SubscribeMessage[] = [];
  private readonly consents = new Map<string, number>();

  constructor(readonly templates: Partial<Record<NoticeChannel, SubscribeTemplate>>) {}

  consent(openid: string, templateId: string, times = 1): void {
    const key = `${openid}\u0000${templateId}`;
    this.consents.set(key, (this.consents.get(key) ?? 0) + times);
  }

  readonly send = async (message: SubscribeMessage): Promise<SubscribeResult> => {
    this.attempts.push(message);
    const known = Object.values(this.templates).some((t) => t.id === message.templateId);
    if (!known) return { errcode: 40037, errmsg: 'invalid template_id' };
    for (const [key, { value }] of Object.entries(message.data))
      if (key.startsWith('thing') && value.length > 20) return { errcode: 47003, errmsg: `argument invalid! ${key}` };
    const key = `${message.touser}\u0000${message.templateId}`;
    const left = this.consents.get(key) ?? 0;
    if (left < 1) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    this.consents.set(key, left - 1);
    this.sent.push(message);
    return { errcode: 0, errmsg: 'ok' };
  };
}

export const TEMPLATES: Partial<Record<NoticeChannel, SubscribeTemplate>> = {
  activity: { id: 'tmpl-activity', title: 'thing1', time: 'time2', body: 'thing3' },
  task: { id: 'tmpl-task', title: 'thing1', time: 'time2' },
};
