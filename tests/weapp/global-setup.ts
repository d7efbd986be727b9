import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { WEAPP_DIR, WEAPP_DIR_OVERRIDDEN } from './support/paths';

const root = join(__dirname, '..', '..');

/**
 * Builds the mini-program once for the weapp tests, into their own folder (others build dist/weapp
 * at the same time), reusing a build only when it is newer than every source file. The check and
 * the build hold /tmp/zhibu-weapp.lock together.
 */
export default async function globalSetup(): Promise<void> {
  // ZHIBU_WEAPP_DIR: test a build made elsewhere (as it is; it is not rebuilt).
  if (WEAPP_DIR_OVERRIDDEN) return;
  const result = spawnSync(
    'flock',
    ['/tmp/zhibu-weapp.lock', process.execPath, join(__dirname, 'support/build-weapp.mjs'), root, WEAPP_DIR],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('taro build --type weapp failed (see above)');
}
