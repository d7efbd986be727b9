import { pointsFunction } from '../../core/points/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(pointsFunction);
