import { developFunction } from '../../core/develop/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(developFunction);
