import { defineFunction } from '../runtime/dispatch';
import { checkinActions } from './actions/checkin';
import { closeActions } from './actions/close';
import { correctionActions } from './actions/corrections';
import { leaveActions } from './actions/leave';
import { manageActions } from './actions/manage';
import { reportActions } from './actions/report';

/** The `activity` cloud function: activities, rotating-code sign-in, leave, closing and attendance. */
export const activityFunction = defineFunction('activity', {
  ...manageActions,
  ...checkinActions,
  ...correctionActions,
  ...leaveActions,
  ...closeActions,
  ...reportActions,
});
