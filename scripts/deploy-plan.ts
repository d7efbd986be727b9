/**
 * The pure parts of `npm run deploy` (scripts/deploy.ts): which environment it needs, the version and
 * description an upload carries, the steps it takes, the timer triggers it creates, and how the dry
 * run judges `miniprogram-ci`'s package sizes and quality rules. No I/O here.
 */

/** The environment variables a real deploy needs, with what each one is. */
export const DEPLOY_ENV = {
  ZHIBU_APPID: '小程序的 AppID（微信公众平台 → 开发管理 → 开发设置）',
  ZHIBU_UPLOAD_KEY: '代码上传密钥文件的路径（同一页面下载，并在那里把本机 IP 加入白名单或关闭白名单）',
  ZHIBU_CLOUD_ENV: '云开发环境 ID（小程序端没有 DYNAMIC_CURRENT_ENV，必须写明）',
} as const;

export type DeployEnvName = keyof typeof DEPLOY_ENV;

export interface DeployConfig {
  appid: string;
  uploadKeyPath: string;
  cloudEnv: string;
}

export type DeployEnvResult = { ok: true; config: DeployConfig } | { ok: false; missing: DeployEnvName[] };

/** Reads the real deploy's configuration; blank values count as missing. */
export function readDeployEnv(env: Readonly<Record<string, string | undefined>>): DeployEnvResult {
  const names = Object.keys(DEPLOY_ENV) as DeployEnvName[];
  const value = (name: DeployEnvName) => (env[name] ?? '').trim();
  const missing = names.filter((name) => !value(name));
  if (missing.length) return { ok: false, missing };
  return {
    ok: true,
    config: {
      appid: value('ZHIBU_APPID'),
      uploadKeyPath: value('ZHIBU_UPLOAD_KEY'),
      cloudEnv: value('ZHIBU_CLOUD_ENV'),
    },
  };
}

/** The message a deploy refuses to start with, one line per missing variable. */
export function missingEnvMessage(missing: readonly DeployEnvName[]): string {
  return [
    `npm run deploy: missing ${missing.length === 1 ? 'environment variable' : 'environment variables'} ${missing.join(', ')}`,
    ...missing.map((name) => `  ${name}: ${DEPLOY_ENV[name]}`),
    'Nothing was built or uploaded. `npm run deploy -- --dry-run` checks the package offline without them.',
  ].join('\n');
}

/** WeChat shows the description in 版本管理; a long commit subject is cut to this many characters. */
export const DESCRIPTION_MAX = 100;

/** The version an upload carries: package.json's, which WeChat requires to be non-empty. */
export function deployVersion(pkg: { version?: unknown }): string {
  const version = typeof pkg.version === 'string' ? pkg.version.trim() : '';
  if (!version) throw new Error('package.json has no version to upload');
  return version;
}

/** The upload's description: the commit's short hash and subject, cut to DESCRIPTION_MAX characters. */
export function deployDescription(shortHash: string, subject: string, dirty = false): string {
  const head = `${shortHash.trim()}${dirty ? '+' : ''}`;
  const text = `${head} ${subject.trim().replace(/\s+/g, ' ')}`.trim();
  const chars = [...text];
  return chars.length <= DESCRIPTION_MAX ? text : `${chars.slice(0, DESCRIPTION_MAX - 1).join('')}…`;
}

export interface DeployArgs {
  dryRun: boolean;
}

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const unknown = argv.filter((arg) => arg !== '--dry-run');
  if (unknown.length) throw new Error(`npm run deploy: unknown argument ${unknown.join(' ')} (only --dry-run)`);
  return { dryRun: argv.includes('--dry-run') };
}

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

/** The timer triggers a cloud function's config.json declares (other kinds are not uploaded by CI). */
export function timerTriggers(config: unknown): TimerTrigger[] {
  const triggers = (config as { triggers?: unknown } | null)?.triggers;
  if (triggers === undefined) return [];
  if (!Array.isArray(triggers)) throw new Error('config.json: triggers must be an array');
  return triggers
    .filter((t): t is { type: 'timer' } => (t as { type?: unknown } | null)?.type === 'timer')
    .map((t) => {
      const { name, config: cron } = t as { name?: unknown; config?: unknown };
      if (typeof name !== 'string' || !name || typeof cron !== 'string' || !cron)
        throw new Error(`config.json: timer trigger needs a name and a cron config (${JSON.stringify(t)})`);
      return { name, type: 'timer', config: cron };
    });
}

/**
 * The cloud functions to upload: every folder `npm run build:cloud` wrote, which must include every
 * deployed function (core/functions.ts `deployedNames`: each contract's own, and sheets).
 */
export function functionsToUpload(built: readonly string[], required: readonly string[]): string[] {
  const missing = required.filter((name) => !built.includes(name));
  if (missing.length) throw new Error(`dist/cloudfunctions lacks ${missing.join(', ')}: run npm run build:cloud`);
  return [...built].sort();
}

export type DeployStep =
  | { kind: 'build'; script: 'build:weapp' | 'build:cloud' }
  | { kind: 'upload'; version: string; description: string }
  | { kind: 'function'; name: string }
  | { kind: 'trigger'; functionName: string; triggers: TimerTrigger[] }
  | { kind: 'analyse' }
  | { kind: 'quality' }
  | { kind: 'compile' };

/** What a real deploy does, in order: build both, upload the app, then each function and its timers. */
export function deploySteps(input: {
  version: string;
  description: string;
  functions: readonly { name: string; triggers: readonly TimerTrigger[] }[];
}): DeployStep[] {
  return [
    { kind: 'build', script: 'build:weapp' },
    { kind: 'build', script: 'build:cloud' },
    { kind: 'upload', version: input.version, description: input.description },
    ...input.functions.flatMap(({ name, triggers }): DeployStep[] => [
      { kind: 'function', name },
      ...(triggers.length ? [{ kind: 'trigger' as const, functionName: name, triggers: [...triggers] }] : []),
    ]),
  ];
}

/** What the dry run does offline: build the app, then WeChat's own size, quality and compile checks. */
export function dryRunSteps(): DeployStep[] {
  return [{ kind: 'build', script: 'build:weapp' }, { kind: 'analyse' }, { kind: 'quality' }, { kind: 'compile' }];
}

export function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case 'build':
      return `npm run ${step.script}`;
    case 'upload':
      return `upload mini-program ${step.version} (${step.description})`;
    case 'function':
      return `upload cloud function ${step.name}`;
    case 'trigger':
      return `timer triggers of ${step.functionName}: ${step.triggers.map((t) => `${t.name} ${t.config}`).join(', ')}`;
    case 'analyse':
      return 'analyseCode (package sizes)';
    case 'quality':
      return 'checkCodeQuality';
    case 'compile':
      return 'getCompiledResult (the package an upload would send)';
  }
}

/** WeChat's limit for the main package (and each subpackage). */
export const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
/** This project's own goal for the main package (issue 16): members open the app fast. */
export const MAIN_PACKAGE_GOAL = 600 * 1024;

export interface PackageSizes {
  main: number;
  /** Subpackage root (as analyseCode names it, without the trailing slash) → bytes. */
  subpackages: Record<string, number>;
  total: number;
}

/** Sums analyseCode's files into the main package and each subpackage. */
export function packageSizes(files: readonly { size: number; subPackage: string | null }[]): PackageSizes {
  const sizes: PackageSizes = { main: 0, subpackages: {}, total: 0 };
  for (const file of files) {
    sizes.total += file.size;
    if (!file.subPackage) sizes.main += file.size;
    else {
      const root = file.subPackage.replace(/\/+$/, '');
      sizes.subpackages[root] = (sizes.subpackages[root] ?? 0) + file.size;
    }
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const formatSize = (bytes: number) => `${bytes} bytes (${kb(bytes)})`;

/** The size report's lines and whether the sizes pass (the goal is reported, only WeChat's limit fails). */
export function sizeReport(sizes: PackageSizes): { lines: string[]; ok: boolean } {
  const ok = sizes.main <= MAIN_PACKAGE_LIMIT;
  const goal = sizes.main <= MAIN_PACKAGE_GOAL ? 'within' : 'OVER';
  const lines = [
    `main package        ${formatSize(sizes.main)}`,
    ...Object.entries(sizes.subpackages)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([root, bytes]) => `subpackage ${root}  ${formatSize(bytes)}`),
    `total               ${formatSize(sizes.total)}`,
    `main vs goal: ${kb(sizes.main)} of ${kb(MAIN_PACKAGE_GOAL)} (${goal} the goal by ${kb(Math.abs(MAIN_PACKAGE_GOAL - sizes.main))})`,
  ];
  if (!ok) lines.push(`main package exceeds WeChat's limit of ${formatSize(MAIN_PACKAGE_LIMIT)}`);
  return { lines, ok };
}

export interface QualityResult {
  name?: string;
  success?: boolean;
  text?: string;
}

/** checkCodeQuality's rules that failed (a rule passes only when it says success: true). */
export function failedQualityRules(results: readonly QualityResult[]): QualityResult[] {
  return results.filter((rule) => rule.success !== true);
}
