import { identityFunction } from '../../core/identity/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(identityFunction);
