import { identityFunction } from '../../core/handlers/identity';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(identityFunction);
