import { defineFunction } from '../runtime/dispatch';
import { checkinActions } from './activity-checkin';
import { closeActions } from './activity-close';
import { correctionActions } from './activity-corrections';
import { leaveActions } from './activity-leave';
import { manageActions } from './activity-manage';
import { reportActions } from './activity-report';

/** The `activity` cloud function: activities, rotating-code sign-in, leave, closing and attendance. */
export const activityFunction = defineFunction('activity', {
  ...manageActions,
  ...checkinActions,
  ...correctionActions,
  ...leaveActions,
  ...closeActions,
  ...reportActions,
});
