/**
 * `npm run deploy`: builds the mini-program and the cloud functions and uploads them with WeChat's
 * miniprogram-ci — the mini-program (version from package.json, description from git), every cloud
 * function, and each function's timer triggers. Needs ZHIBU_APPID, ZHIBU_UPLOAD_KEY and ZHIBU_CLOUD_ENV
 * (see DEPLOY_ENV in deploy-plan.ts).
 *
 * `npm run deploy -- --dry-run`: offline, no credentials. Builds the mini-program, then runs WeChat's
 * own checks on it: analyseCode (main package and subpackage sizes), checkCodeQuality (every rule must
 * pass) and getCompiledResult (the exact package an upload would send). Exits non-zero when a step
 * fails, a quality rule fails or the main package is over WeChat's 2 MB limit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as MiniprogramCi from 'miniprogram-ci';
import {
  deployDescription,
  deploySteps,
  deployVersion,
  describeStep,
  dryRunSteps,
  failedQualityRules,
  formatSize,
  functionsToUpload,
  missingEnvMessage,
  packageSizes,
  parseDeployArgs,
  readDeployEnv,
  sizeReport,
  timerTriggers,
  type DeployConfig,
  type DeployStep,
} from './deploy-plan';

const ROOT = join(__dirname, '..');
const CLOUD_DIST = join(ROOT, 'dist/cloudfunctions');

type CiProject = InstanceType<typeof MiniprogramCi.Project>;

/** miniprogram-ci, loaded (slowly) only once the arguments and the environment are known good. */
let ci: typeof MiniprogramCi;

class StepFailed extends Error {}

function npmRun(script: string): void {
  const run = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (run.status !== 0) throw new StepFailed(`npm run ${script} failed (exit ${run.status ?? run.signal})`);
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** The commit being uploaded; "+" after the hash when tracked files differ from it. */
function gitDescription(): string {
  const [hash, ...subject] = git('log', '-1', '--format=%h%n%s').split('\n');
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return deployDescription(hash, subject.join(' '), dirty);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The repository root's project (its project.config.json points at dist/weapp). Offline nothing is
 * signed, but miniprogram-ci insists on a key, so the dry run passes a placeholder.
 */
function openProject(appid: string, key: { privateKeyPath: string } | { privateKey: string }): CiProject {
  return new ci.Project({ projectPath: ROOT, type: 'miniProgram', appid, ignores: ['node_modules/**/*'], ...key });
}

const progress = (task: unknown) => {
  if (typeof task === 'string') console.log(`  ${task}`);
  else if (task && typeof task === 'object' && 'message' in task && (task as { status?: string }).status === 'done')
    console.log(`  ${(task as { message: string }).message}`);
};

async function deploy(config: DeployConfig): Promise<void> {
  if (!existsSync(config.uploadKeyPath))
    throw new StepFailed(`ZHIBU_UPLOAD_KEY: no file at ${config.uploadKeyPath} (the upload private key)`);
  ci = await import('miniprogram-ci');
  const version = deployVersion(readJson(join(ROOT, 'package.json')) as { version?: unknown });
  const description = gitDescription();

  npmRun('build:weapp');
  npmRun('build:cloud');
  // Loaded here so that the dry run does not depend on the server code.
  // Every deployed function: each contract's own and sheets, which serves their Excel actions.
  const { deployedNames } = await import('../core/functions');
  const built = readdirSync(CLOUD_DIST).filter((name) => statSync(join(CLOUD_DIST, name)).isDirectory());
  const functions = functionsToUpload(built, deployedNames).map((name) => ({
    name,
    triggers: timerTriggers(readJson(join(CLOUD_DIST, name, 'config.json'))),
  }));
  const steps = deploySteps({ version, description, functions }).filter((step) => step.kind !== 'build');
  const project = openProject(config.appid, { privateKeyPath: config.uploadKeyPath });

  for (const step of steps) {
    console.log(`== ${describeStep(step)}`);
    await runStep(step, project, config);
  }
  console.log(`Deployed ${version} (${description}) to ${config.cloudEnv}.`);
}

async function runStep(step: DeployStep, project: CiProject, config: DeployConfig): Promise<void> {
  switch (step.kind) {
    case 'build':
      return npmRun(step.script);
    case 'upload': {
      const result = await ci.upload({
        project,
        version: step.version,
        desc: step.description,
        setting: { useProjectConfig: true },
        onProgressUpdate: progress,
      });
      for (const pkg of result.subPackageInfo ?? []) console.log(`  ${pkg.name}: ${formatSize(pkg.size)}`);
      return;
    }
    case 'function': {
      const result = await ci.cloud.uploadFunction({
        project,
        env: config.cloudEnv,
        name: step.name,
        path: join(CLOUD_DIST, step.name),
        // Only wx-server-sdk is left out of each bundle; the cloud installs it from package.json.
        remoteNpmInstall: true,
      });
      console.log(`  ${result.filesCount} files, ${formatSize(result.packSize)}`);
      return;
    }
    case 'trigger': {
      const answer = await ci.cloud.createTimeTrigger({
        project,
        envId: config.cloudEnv,
        functionName: step.functionName,
        triggersConfig: step.triggers,
      });
      if (answer !== '创建定时触发器成功') throw new StepFailed(`createTimeTrigger: ${answer}`);
      console.log(`  ${answer}`);
      return;
    }
    case 'analyse':
    case 'quality':
    case 'compile':
      throw new StepFailed(`${step.kind} belongs to the dry run`);
  }
}

/** The dry run's checks; returns how many failed. */
async function dryRun(): Promise<number> {
  ci = await import('miniprogram-ci');
  let failures = 0;
  const fail = (message: string) => {
    failures += 1;
    console.log(`FAILED: ${message}`);
  };
  const appid = (readJson(join(ROOT, 'project.config.json')) as { appid: string }).appid;
  let project: CiProject | undefined;
  let subpackageRoots: string[] = [];

  for (const step of dryRunSteps()) {
    console.log(`== ${describeStep(step)}`);
    try {
      if (step.kind === 'build') {
        npmRun(step.script);
        project = openProject(appid, { privateKey: 'dry-run: nothing is signed offline' });
      } else if (!project) {
        console.log('  skipped: the build failed');
      } else if (step.kind === 'analyse') {
        const analysis = await ci.analyseCode(project, { silent: true });
        if (!analysis) throw new StepFailed('analyseCode returned nothing');
        const sizes = packageSizes(analysis.files);
        subpackageRoots = Object.keys(sizes.subpackages);
        const report = sizeReport(sizes);
        for (const line of report.lines) console.log(`  ${line}`);
        if (!report.ok) fail('main package over WeChat limit');
      } else if (step.kind === 'quality') {
        const rules = await ci.checkCodeQuality(project);
        // A rule's text names the problem it looks for, so it is shown only when the rule fails.
        for (const rule of rules)
          console.log(rule.success === true ? `  pass ${rule.name}` : `  FAIL ${rule.name}: ${rule.text}`);
        const failed = failedQualityRules(rules);
        console.log(`  ${rules.length - failed.length} of ${rules.length} rules pass`);
        if (failed.length) fail(`checkCodeQuality: ${failed.map((rule) => rule.name).join(', ')}`);
      } else if (step.kind === 'compile') {
        await compile(project, subpackageRoots);
      }
    } catch (error) {
      fail(error instanceof StepFailed ? error.message : `${describeStep(step)}: ${String(error)}`);
    }
  }
  return failures;
}

/**
 * The package an upload would send, compiled offline: the project's attributes (limits, app type)
 * normally come from WeChat's servers, so they come from miniprogram-ci's defaults instead.
 */
async function compile(project: CiProject, subpackageRoots: readonly string[]): Promise<void> {
  project.attr = () => Promise.resolve(ci.DefaultProjectAttr);
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-compiled-'));
  try {
    const zip = join(dir, 'package.zip');
    const files = await ci.getCompiledResult(
      { project, version: '0.0.0', desc: 'dry run', setting: { useProjectConfig: true } },
      zip,
    );
    const size = (content: string | Buffer) =>
      typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    const all = Object.entries(files);
    const inSubpackage = (path: string) => subpackageRoots.some((root) => path.startsWith(`${root}/`));
    const total = all.reduce((sum, [, content]) => sum + size(content), 0);
    const main = all.filter(([path]) => !inSubpackage(path)).reduce((sum, [, content]) => sum + size(content), 0);
    if (!all.some(([path]) => path === 'app.json')) throw new StepFailed('getCompiledResult: no app.json compiled');
    console.log(`  ${all.length} files: main ${formatSize(main)}, total ${formatSize(total)}`);
    console.log(`  written to ${zip}: ${formatSize(statSync(zip).size)} (then removed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = parseDeployArgs(process.argv.slice(2));
  if (args.dryRun) {
    const failures = await dryRun();
    console.log(failures ? `deploy dry run: ${failures} failed` : 'deploy dry run: all checks pass');
    return failures ? 1 : 0;
  }
  const env = readDeployEnv(process.env);
  if (!env.ok) {
    console.error(missingEnvMessage(env.missing));
    return 2;
  }
  await deploy(env.config);
  return 0;
}

// miniprogram-ci leaves handles open (and may reject outside our awaits): always end with a status.
process.on('unhandledRejection', (reason) => {
  console.error('npm run deploy: unhandled rejection', reason);
  process.exit(1);
});
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof StepFailed ? `npm run deploy: ${error.message}` : error);
    process.exit(1);
  },
);
