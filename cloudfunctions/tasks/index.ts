import { tasksFunction } from '../../core/tasks/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(tasksFunction);
