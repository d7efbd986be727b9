import { lectureFunction } from '../../core/handlers/lecture';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(lectureFunction);
