/** Typed calls to the `notice` function: the member's 消息 and their subscribe-message consents. */
import { call } from '@/services/client';

export const listNotices = (page = 1) => call('notice', 'list', { page });
export const readNotices = (ids?: string[]) => call('notice', 'read', ids ? { ids } : {});
export const getSubscribeTemplates = () => call('notice', 'templates');
export const subscribeNotices = (templateIds: string[]) => call('notice', 'subscribe', { templateIds });
