/** In-app 消息's zod-free contract values (see labels/common.ts). */

export const NOTICE_KINDS = [
  'task.assigned',
  'task.due',
  'declaration.approved',
  'declaration.rejected',
  'leave.approved',
  'leave.rejected',
  'objection.decided',
  'points.deducted',
  'activity.tomorrow',
  'activity.soon',
  'activity.remind',
  'lecture.remind',
  'develop.due',
  'develop.overdue',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'task.assigned': '新任务',
  'task.due': '任务即将到期',
  'declaration.approved': '亮身份已通过',
  'declaration.rejected': '亮身份未通过',
  'leave.approved': '请假已批准',
  'leave.rejected': '请假未批准',
  'objection.decided': '异议已处理',
  'points.deducted': '积分扣减',
  'activity.tomorrow': '活动提醒',
  'activity.soon': '活动即将开始',
  'activity.remind': '签到提醒',
  'lecture.remind': '学习提醒',
  'develop.due': '发展党员提醒',
  'develop.overdue': '发展党员超期',
};

/**
 * Which WeChat subscribe-message template (one per channel, from configuration) carries a kind.
 * A member consents per template (wx.requestSubscribeMessage); each consent allows one send.
 */
export const NOTICE_CHANNELS = ['activity', 'review', 'task', 'points'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_CHANNEL_OF: Record<NoticeKind, NoticeChannel> = {
  'task.assigned': 'task',
  'task.due': 'task',
  'declaration.approved': 'review',
  'declaration.rejected': 'review',
  'leave.approved': 'review',
  'leave.rejected': 'review',
  'objection.decided': 'review',
  'points.deducted': 'points',
  'activity.tomorrow': 'activity',
  'activity.soon': 'activity',
  // A secretary's one-tap reminders go with the activity reminders' template.
  'activity.remind': 'activity',
  'lecture.remind': 'activity',
  // 发展党员's next step due or overdue: a deadline, as a task's is.
  'develop.due': 'task',
  'develop.overdue': 'task',
};

export const NOTICE_PAGE_SIZE = 20;
