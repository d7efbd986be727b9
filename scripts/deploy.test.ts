import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `npm run deploy` without its environment refuses before it builds or uploads anything. */
const ROOT = join(__dirname, '..');

function deploy(args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (name.startsWith('ZHIBU_')) delete childEnv[name];
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/deploy.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: Object.assign(childEnv, env),
    timeout: 60_000,
  });
}

describe('npm run deploy', () => {
  it('refuses to start without ZHIBU_APPID, ZHIBU_UPLOAD_KEY and ZHIBU_CLOUD_ENV, naming each', () => {
    const run = deploy([], { ZHIBU_APPID: 'wx0123456789abcdef' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing environment variables ZHIBU_UPLOAD_KEY, ZHIBU_CLOUD_ENV');
    expect(run.stderr).toContain('Nothing was built or uploaded');
    expect(run.stdout).not.toContain('npm run build');
  });

  it('refuses an upload key path with no file behind it', () => {
    const run = deploy([], {
      ZHIBU_APPID: 'wx0123456789abcdef',
      ZHIBU_UPLOAD_KEY: join(ROOT, 'no-such-private.key'),
      ZHIBU_CLOUD_ENV: 'zhibu-test',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ZHIBU_UPLOAD_KEY: no file at');
  });

  it('rejects an argument it does not know', () => {
    const run = deploy(['--dryrun'], {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown argument --dryrun');
  });
});
