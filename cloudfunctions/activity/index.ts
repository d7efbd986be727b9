import { activityFunction } from '../../core/handlers/activity';
import { closeDueActivities } from '../../core/handlers/activity-close';
import { cloudMain } from '../_shared/cloud-main';

// The timer trigger (config.json) closes activities nobody closed, some hours after they end.
export const main = cloudMain(activityFunction, { onTimer: closeDueActivities });
