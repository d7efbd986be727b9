import { rosterFunction } from '../../core/roster/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(rosterFunction);
