import { defineFunction } from '../runtime/dispatch';
import { list, read, subscribe, templates } from './actions/notices';

/** The `notice` cloud function: a member's in-app 消息 and their consents to WeChat subscribe messages. */
export const noticeFunction = defineFunction('notice', { list, read, templates, subscribe });
