import { rosterFunction } from '../../core/handlers/roster';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(rosterFunction);
