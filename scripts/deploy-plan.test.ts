import {
  DESCRIPTION_MAX,
  MAIN_PACKAGE_GOAL,
  MAIN_PACKAGE_LIMIT,
  deployDescription,
  deploySteps,
  deployVersion,
  describeStep,
  dryRunSteps,
  failedQualityRules,
  functionsToUpload,
  missingEnvMessage,
  packageSizes,
  parseDeployArgs,
  readDeployEnv,
  sizeReport,
  timerTriggers,
} from './deploy-plan';

describe('npm run deploy: its environment', () => {
  const full = {
    ZHIBU_APPID: 'wx0123456789abcdef',
    ZHIBU_UPLOAD_KEY: '/keys/private.key',
    ZHIBU_CLOUD_ENV: 'zhibu-1a2b',
  };

  it('reads the appid, the upload key path and the cloud environment', () => {
    expect(readDeployEnv(full)).toEqual({
      ok: true,
      config: { appid: 'wx0123456789abcdef', uploadKeyPath: '/keys/private.key', cloudEnv: 'zhibu-1a2b' },
    });
  });

  it('names every missing or blank variable, and the cloud environment is required', () => {
    expect(readDeployEnv({})).toEqual({ ok: false, missing: ['ZHIBU_APPID', 'ZHIBU_UPLOAD_KEY', 'ZHIBU_CLOUD_ENV'] });
    expect(readDeployEnv({ ...full, ZHIBU_CLOUD_ENV: undefined })).toEqual({ ok: false, missing: ['ZHIBU_CLOUD_ENV'] });
    expect(readDeployEnv({ ...full, ZHIBU_UPLOAD_KEY: '  ' })).toEqual({ ok: false, missing: ['ZHIBU_UPLOAD_KEY'] });
  });

  it('refuses with a message that names each missing variable and what it is', () => {
    const message = missingEnvMessage(['ZHIBU_UPLOAD_KEY', 'ZHIBU_CLOUD_ENV']);
    expect(message).toContain('missing environment variables ZHIBU_UPLOAD_KEY, ZHIBU_CLOUD_ENV');
    expect(message).toContain('  ZHIBU_UPLOAD_KEY: 代码上传密钥');
    expect(message).toContain('  ZHIBU_CLOUD_ENV: 云开发环境 ID');
    expect(message).not.toContain('ZHIBU_APPID');
    expect(missingEnvMessage(['ZHIBU_APPID'])).toContain('missing environment variable ZHIBU_APPID');
  });

  it('takes only --dry-run', () => {
    expect(parseDeployArgs([])).toEqual({ dryRun: false });
    expect(parseDeployArgs(['--dry-run'])).toEqual({ dryRun: true });
    expect(() => parseDeployArgs(['--dryrun'])).toThrow('unknown argument --dryrun');
  });
});

describe('npm run deploy: version and description', () => {
  it('uploads package.json’s version', () => {
    expect(deployVersion({ version: '0.1.0' })).toBe('0.1.0');
    expect(() => deployVersion({})).toThrow('no version');
    expect(() => deployVersion({ version: ' ' })).toThrow('no version');
  });

  it('describes the upload with the commit’s short hash and subject, marked when the tree differs', () => {
    expect(deployDescription('d64352c', '初始化 page\n')).toBe('d64352c 初始化 page');
    expect(deployDescription('d64352c', 'Fix  the   timer', true)).toBe('d64352c+ Fix the timer');
  });

  it('cuts a long subject to DESCRIPTION_MAX characters, counting Chinese characters as one', () => {
    const description = deployDescription('abc1234', '签到'.repeat(100));
    expect([...description]).toHaveLength(DESCRIPTION_MAX);
    expect(description.startsWith('abc1234 签到签到')).toBe(true);
    expect(description.endsWith('…')).toBe(true);
  });
});

describe('npm run deploy: cloud functions and triggers', () => {
  it('uploads every built function, which must include each contract’s', () => {
    expect(functionsToUpload(['roster', 'sheets', 'activity'], ['activity', 'roster'])).toEqual([
      'activity',
      'roster',
      'sheets',
    ]);
    expect(() => functionsToUpload(['roster'], ['activity', 'roster'])).toThrow('lacks activity');
  });

  it('takes the timer triggers from a function’s config.json', () => {
    const config = {
      timeout: 60,
      triggers: [
        { name: 'closeDue', type: 'timer', config: '0 */10 * * * * *' },
        { name: 'other', type: 'http', config: 'x' },
      ],
    };
    expect(timerTriggers(config)).toEqual([{ name: 'closeDue', type: 'timer', config: '0 */10 * * * * *' }]);
    expect(timerTriggers({ timeout: 20 })).toEqual([]);
    expect(() => timerTriggers({ triggers: {} })).toThrow('must be an array');
    expect(() => timerTriggers({ triggers: [{ type: 'timer', name: 'x' }] })).toThrow('needs a name and a cron');
  });

  it('plans the builds, the upload, then each function followed by its timers', () => {
    const steps = deploySteps({
      version: '0.1.0',
      description: 'abc1234 subject',
      functions: [
        { name: 'activity', triggers: [{ name: 'closeDue', type: 'timer', config: '0 */10 * * * * *' }] },
        { name: 'identity', triggers: [] },
      ],
    });
    expect(steps.map(describeStep)).toEqual([
      'npm run build:weapp',
      'npm run build:cloud',
      'upload mini-program 0.1.0 (abc1234 subject)',
      'upload cloud function activity',
      'timer triggers of activity: closeDue 0 */10 * * * * *',
      'upload cloud function identity',
    ]);
  });

  it('plans the dry run: build, sizes, quality, the compiled package; nothing that needs a key', () => {
    expect(dryRunSteps().map((step) => step.kind)).toEqual(['build', 'analyse', 'quality', 'compile']);
  });
});

describe('npm run deploy -- --dry-run: judging WeChat’s checks', () => {
  const files = [
    { size: 400_000, subPackage: null },
    { size: 100_000, subPackage: null },
    { size: 70_000, subPackage: 'packages/member/' },
    { size: 300_000, subPackage: 'packages/secretary/' },
    { size: 8_000, subPackage: 'packages/member/' },
  ];

  it('sums the main package, each subpackage and the total', () => {
    expect(packageSizes(files)).toEqual({
      main: 500_000,
      subpackages: { 'packages/member': 78_000, 'packages/secretary': 300_000 },
      total: 878_000,
    });
  });

  it('reports bytes and KB and the main package against the 600 KB goal', () => {
    const { lines, ok } = sizeReport(packageSizes(files));
    expect(ok).toBe(true);
    expect(lines).toContain('main package        500000 bytes (488.3 KB)');
    expect(lines).toContain('subpackage packages/member  78000 bytes (76.2 KB)');
    expect(lines).toContain('total               878000 bytes (857.4 KB)');
    expect(lines.at(-1)).toBe('main vs goal: 488.3 KB of 600.0 KB (within the goal by 111.7 KB)');
  });

  it('says when the main package is over the goal, and fails only over WeChat’s 2 MB limit', () => {
    const over = sizeReport({ main: MAIN_PACKAGE_GOAL + 1024, subpackages: {}, total: MAIN_PACKAGE_GOAL + 1024 });
    expect(over.ok).toBe(true);
    expect(over.lines.at(-1)).toContain('(OVER the goal by 1.0 KB)');
    const tooBig = sizeReport({ main: MAIN_PACKAGE_LIMIT + 1, subpackages: {}, total: MAIN_PACKAGE_LIMIT + 1 });
    expect(tooBig.ok).toBe(false);
    expect(tooBig.lines.at(-1)).toContain('exceeds WeChat');
    expect(sizeReport({ main: MAIN_PACKAGE_LIMIT, subpackages: {}, total: MAIN_PACKAGE_LIMIT }).ok).toBe(true);
  });

  it('counts a quality rule as passed only when it says success: true', () => {
    const rules = [
      { name: 'JS_COMPRESS_OPEN', success: false, text: 'JS compression is not turned on' },
      { name: 'WXSS_COMPRESS_OPEN', success: true },
      { name: 'SOMETHING_NEW' },
    ];
    expect(failedQualityRules(rules).map((rule) => rule.name)).toEqual(['JS_COMPRESS_OPEN', 'SOMETHING_NEW']);
  });
});
