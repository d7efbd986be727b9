import { noticeFunction } from '../../core/notices/function';
import { runNoticeTimer } from '../../core/notices/timer';
import { cloudMain } from '../_shared/cloud-main';

// The timer trigger (config.json) writes due reminders once and sends what members consented to.
export const main = cloudMain(noticeFunction, { onTimer: runNoticeTimer });
