import { activityFunction } from '../../core/activities/function';
import { closeDueActivities } from '../../core/activities/actions/close';
import { cloudMain } from '../_shared/cloud-main';

// The timer trigger (config.json) closes activities nobody closed, some hours after they end.
export const main = cloudMain(activityFunction, { onTimer: closeDueActivities });
