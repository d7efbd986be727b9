import { sheetsFunction } from '../../core/sheets/function';
import { cloudMain } from '../_shared/cloud-main';

export const main = cloudMain(sheetsFunction);
