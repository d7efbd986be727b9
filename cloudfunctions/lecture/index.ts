import { lectureFunction } from '../../core/lectures/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(lectureFunction);
