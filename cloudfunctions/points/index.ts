import { pointsFunction } from '../../core/handlers/points';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(pointsFunction);
