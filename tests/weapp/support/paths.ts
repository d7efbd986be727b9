import { join } from 'node:path';

/** The weapp build the tests load: their own (built by global-setup.ts), or ZHIBU_WEAPP_DIR's. */
export const WEAPP_DIR_OVERRIDDEN = !!process.env.ZHIBU_WEAPP_DIR;
export const WEAPP_DIR = process.env.ZHIBU_WEAPP_DIR ?? join(__dirname, '..', '..', '..', 'dist', 'weapp-test');
