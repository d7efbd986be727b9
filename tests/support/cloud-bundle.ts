import { buildSync } from 'esbuild';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Bundles cloudfunctions/<name> alone into `outDir`, as `npm run build:cloud` does; returns the file. */
export function bundleCloudFunction(name: string, outDir: string): string {
  const outfile = join(root, outDir, name, 'index.js');
  buildSync({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Sets the caller as WeChat gives it to a function: environment variables that `cloud.getWXContext()`
 * reads (`WX_OPENID` counts only when `WX_CONTEXT_KEYS` names it).
 */
export function actAsWeChatUser(openid: string): void {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = openid;
  process.env.WX_APPID = 'wx-test-app';
}

/** The environment a cloud function's runtime gives wx-server-sdk, pointed at the CloudBase double's `url`. */
export const sdkEnvironmentFor = (url: string): Record<string, string> => ({
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
  TCB_ENV: 'test-env',
  TENCENTCLOUD: 'true',
  SILENCE: 'true',
});
