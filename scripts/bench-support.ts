// What the benches share (scripts/bench-points.ts, and those against the local host:
// scripts/bench-signin.ts, scripts/bench-heartbeat.ts): autocannon with the part of its API they
// use, their command-line options, small formatting helpers, the heading and the README snippet
// they print, temp dirs and child processes cleaned up on every exit path, seeding a committee of bound members with sessions
// straight through the store, starting and stopping the host as a child process, per-process CPU
// time from /proc, stalls and slowest requests of a burst, naming the collection of each counted
// document operation, and the summary of a host's --cpu-prof profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import type { MemberDoc } from '../core/roster/documents';
import type { FileGateway } from '../core/runtime/context';
import type { Store, Tx } from '../core/shared/collections';
import { sessionDoc } from '../host/sessions';
import type { Doc, DocStore, TxStore } from '../core/store/port';
import { OPERATIONS, type OperationCounts } from '../core/store/counting-store';

export const ROOT = join(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// autocannon (no type definitions ship with it: the part used here)

export interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (
    request: CannonRequest & { headers: Record<string, string> },
    context: CannonContext,
  ) => CannonRequest;
  onResponse?: (status: number, body: string, context: CannonContext) => void;
}
export type CannonContext = Record<string, number>;
export interface CannonHistogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
  max: number;
}
export interface CannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: CannonHistogram;
  requests: CannonHistogram & { total: number; sent: number };
  statusCodeStats: Record<string, { count: number }>;
}
export interface CannonOptions {
  url: string;
  connections: number;
  pipelining: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  requests?: CannonRequest[];
}
interface CannonTracker {
  on(event: 'response', listener: () => void): void;
}
const autocannon = createRequire(__filename)('autocannon') as (
  options: CannonOptions,
  done: (error: Error | null, result: CannonResult) => void,
) => CannonTracker;

export interface Cannonade {
  result: CannonResult;
  /** From the start to the last response (autocannon's own duration is rounded up to its 1 s tick). */
  seconds: number;
}

export function cannon(options: CannonOptions): Promise<Cannonade> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let last = t0;
    const tracker = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ result, seconds: (last - t0) / 1000 });
    });
    tracker.on('response', () => {
      last = performance.now();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

export const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
export const n0 = (x: number) => Math.round(x).toLocaleString('en');
export const f1 = (x: number) => x.toFixed(1);
export const f2 = (x: number) => x.toFixed(2);
export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const loadText = (load: number[]) => load.map((x) => x.toFixed(2)).join(' ');

const tempDirs: string[] = [];
const children = new Set<ChildProcess>();

/** A fresh directory under the OS temp dir, named `<prefix>-XXXXXX`, removed by {@link cleanUp}. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Kills the hosts still running and removes the temp dirs (prints their paths instead with `keep`). */
export function cleanUp(keep: boolean): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  if (keep) for (const dir of tempDirs) console.log(`kept ${dir}`);
  else for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Nearest rank: the smallest value at least a share `p` of the values are at most (NaN for none). */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** A bench's command line: `--name` flags and `--name <value>` options. */
export interface Options {
  flag(name: string): boolean;
  option(name: string): string | undefined;
  /** A whole number of at least `min`, `fallback` when absent; anything else throws. */
  count(name: string, fallback: number, min?: number): number;
}

export function optionsOf(argv: readonly string[]): Options {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    flag: (name) => argv.includes(name),
    option,
    count: (name, fallback, min = 1) => {
      const text = option(name);
      if (text === undefined) return fallback;
      const value = Number(text);
      if (!Number.isInteger(value) || value < min) throw new Error(`${name} takes a whole number of at least ${min}`);
      return value;
    },
  };
}

/** This process's command line. */
export const args = optionsOf(process.argv.slice(2));

/** `--quick` (`npm run bench -- --quick`, run by CI): small sizes for every step, so that no bench can rot unnoticed. */
export const QUICK = args.flag('--quick');

/** A bench's heading: its title, the machine, and the load it starts under. */
export function printHeading(title: string, load: number[]): void {
  console.log(`\n## ${title}`);
  console.log(
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average at start ${loadText(load)}`,
  );
}

/** The figures as a Markdown block for the README: `intro`, then a table of what and figure. */
export function readmeSnippet(intro: string[], rows: Array<[what: string, figure: string]>): string[] {
  return [
    '```markdown',
    ...intro,
    '',
    '| what | figure |',
    '| --- | --- |',
    ...rows.map(([what, figure]) => `| ${what} | ${figure} |`),
    '```',
  ];
}

/** The last line a bench step prints when it ran to its end: `npm run bench` checks it. */
export const finishedLine = (script: string): string => `bench step finished: ${script}`;

/**
 * Runs a bench's `main` and cleans up on every exit path (done, thrown, SIGINT, SIGTERM). The exit
 * code is 1 when `main` answers false or throws, on an unhandled rejection or exception, and when
 * the process ends while `main` is still pending (nothing left alive to settle what it awaits),
 * which Node would otherwise end with 0. Only a run to its end prints {@link finishedLine} (unless
 * told not to: a child process of a step).
 */
export function runBench(main: () => Promise<boolean>, keep: boolean, { finalLine = true } = {}): void {
  const script = relative(ROOT, process.argv[1] ?? 'bench');
  let settled = false;
  process.on('exit', (code) => {
    if (settled || code !== 0) return;
    console.error(`${script}: the process ended before the bench finished (something it awaited could never settle)`);
    process.exitCode = 1;
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.on(signal, () => {
      cleanUp(keep);
      process.exit(code);
    });
  // An unhandled rejection arrives here too (Node's default --unhandled-rejections=throw).
  process.on('uncaughtException', (error) => {
    console.error(`${script}: died:`, error);
    cleanUp(keep);
    process.exit(1);
  });

  main()
    .then((ok) => {
      if (!ok) {
        console.error(`${script}: FAILED (see above)`);
        process.exitCode = 1;
      }
      return ok;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
      return false;
    })
    .then((ok) => {
      cleanUp(keep);
      settled = true;
      if (ok && finalLine) console.log(finishedLine(script));
    });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬建国志文德海波宁辉鹏飞斌宇浩然欣怡'];
export const nameOf = (n: number) =>
  SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length] + (n % 3 ? GIVEN[(n * 13) % GIVEN.length] : '');

/** A seeded member: bound to `openid`, with a session of the local host. */
export interface SeedMember {
  memberId: string;
  openid: string;
  session: string;
  /** Index of the member's branch (0-based). */
  branch: number;
}

export interface SeedSpec {
  /** Prefix of every id: distinct committees can share a file. */
  prefix: string;
  branches: number;
  perBranch: number;
  now: Date;
}

/** What {@link seedMembers} hands the caller for each branch, inside that branch's transaction. */
export interface SeedBranch {
  /** 0-based. */
  index: number;
  branchId: string;
  committeeId: string;
  /** The branch's member documents, in order. */
  members: MemberDoc[];
}

/**
 * One committee (`<prefix>-committee`, 压测党委), its branches (`<prefix>-branch-01` …), their
 * active members (`<prefix>-m000000` …, bound to the openid `<prefix>-<n>`, each with a session).
 * Each branch is written in one transaction (its writes are buffered and committed in one SQLite
 * transaction); `inBranch` may add documents of its own to it.
 */
export async function seedMembers(
  store: Store,
  spec: SeedSpec,
  inBranch?: (tx: Tx, branch: SeedBranch) => Promise<void>,
): Promise<{ committeeId: string; members: SeedMember[] }> {
  const { prefix, now } = spec;
  const at = now.toISOString();
  const committeeId = `${prefix}-committee`;
  const seeded: SeedMember[] = [];
  await store.create('orgs', {
    _id: committeeId,
    name: '压测党委',
    kind: 'committee',
    parentId: null,
    committeeId,
    createdAt: at,
  });
  for (let b = 0; b < spec.branches; b++) {
    const branchId = `${prefix}-branch-${pad(b + 1, 2)}`;
    const members: MemberDoc[] = [];
    for (let k = 0; k < spec.perBranch; k++) {
      const n = b * spec.perBranch + k;
      const openid = `${prefix}-${n}`;
      members.push({
        _id: `${prefix}-m${pad(n, 6)}`,
        name: nameOf(n),
        phone: `139${pad(n, 8)}`,
        partyStatus: 'full',
        joinedAt: '2010-07-01',
        fullAt: '2011-07-01',
        committeeId,
        branchId,
        groupId: null,
        status: 'active',
        inactiveReason: null,
        openid,
        externalOrg: null,
        exemptReason: null,
        history: [{ at, action: 'created', note: '压测数据' }],
        createdAt: at,
        updatedAt: at,
      });
      seeded.push({
        memberId: members[k]._id,
        openid,
        session: randomBytes(24).toString('base64url'),
        branch: b,
      });
    }
    const sessions = seeded.slice(b * spec.perBranch);
    await store.transaction(async (tx) => {
      await tx.create('orgs', {
        _id: branchId,
        name: `第${b + 1}党支部`,
        kind: 'branch',
        parentId: committeeId,
        committeeId,
        createdAt: at,
      });
      for (const [k, member] of members.entries()) {
        await tx.create('members', member);
        await tx.create('bindings', { _id: member.openid as string, memberId: member._id, at });
        await tx.create('sessions', sessionDoc(sessions[k].session, sessions[k].openid, now, false));
      }
      if (inBranch) await inBranch(tx, { index: b, branchId, committeeId, members });
    });
  }
  return { committeeId, members: seeded };
}

// ---------------------------------------------------------------------------------------------
// The host, as a child process

export interface Host {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
}

export async function startHost(dataDir: string, nodeArgs: string[] = []): Promise<Host & { startMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  // node itself, not a wrapper: `child.pid` is the process that serves (SIGKILL must reach it).
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`host exited during start-up (${child.exitCode ?? child.signalCode}):\n${output}`);
    if (performance.now() - t0 > 60_000) throw new Error(`host not ready after 60 s:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, port, url, output: () => output, startMs: performance.now() - t0 };
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function stopHost(host: Host): Promise<void> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return;
  host.child.kill('SIGTERM');
  const timer = setTimeout(() => host.child.kill('SIGKILL'), 15_000);
  await exited(host.child);
  clearTimeout(timer);
}

/** CPU time (user + system) a process has used so far, in ms, from /proc; null where there is none. */
export function cpuOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on Linux (what /proc reports times in, whatever the kernel's own tick). */
const CLOCK_TICKS = 100;

/** A POST over a keep-alive agent (node:http: lighter than fetch, so the client keeps up with the host). */
export function post(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// Shapes of a burst's timing

export interface Slowest {
  /** The slowest requests: when they were sent (from the burst's start) and how long they took. */
  slowest: Array<{ sentMs: number; ms: number }>;
  /** How many requests took more than 50 ms, by the second of the burst they were sent in. */
  slowBySecond: number[];
}

export interface Stalls {
  /** The longest stretches in which no answer arrived (the host was busy or blocked), from the burst's start. */
  stalls: Array<{ atMs: number; ms: number }>;
  /** Time spent in stretches of more than 20 ms without an answer. */
  stalledMs: number;
}

export function slowestOf(t0: number, sentAt: Float64Array, latencies: Float64Array): Slowest {
  const slow: Array<{ sentMs: number; ms: number }> = [];
  const slowBySecond: number[] = [];
  for (let m = 0; m < latencies.length; m++) {
    if (latencies[m] <= 50) continue;
    const sentMs = sentAt[m] - t0;
    slow.push({ sentMs, ms: latencies[m] });
    const second = Math.max(0, Math.floor(sentMs / 1000));
    while (slowBySecond.length <= second) slowBySecond.push(0);
    slowBySecond[second]++;
  }
  slow.sort((a, b) => b.ms - a.ms);
  return { slowest: slow.slice(0, 5), slowBySecond };
}

/** Gaps between consecutive answers (answers arrive in time order). */
export function stallsOf(t0: number, answeredAt: Float64Array): Stalls {
  const gaps: Array<{ atMs: number; ms: number }> = [];
  let stalledMs = 0;
  let previous = t0;
  for (const at of answeredAt) {
    const gap = at - previous;
    if (gap > 20) {
      stalledMs += gap;
      gaps.push({ atMs: previous - t0, ms: gap });
    }
    previous = at;
  }
  gaps.sort((a, b) => b.ms - a.ms);
  return { stalls: gaps.slice(0, 5), stalledMs };
}

export interface NoopRate {
  rate: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** The rate of GET /healthz (the no-op route) over `seconds`. */
export async function noop(host: Host, seconds: number, connections: number): Promise<NoopRate> {
  const { result } = await cannon({
    url: `${host.url}/healthz`,
    connections,
    pipelining: 1,
    duration: seconds,
  });
  return {
    rate: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

// ---------------------------------------------------------------------------------------------
// Counting document operations

export const describeCounts = (counts: OperationCounts) =>
  OPERATIONS.filter((op) => counts[op])
    .map((op) => `${op} ${counts[op]}`)
    .join(', ') || 'none';

/** `get a, query b, query b` → `get a, query b ×2`, in first-seen order. */
export function tally(calls: string[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1);
  return [...counts.entries()].map(([call, n]) => (n > 1 ? `${call} ×${n}` : call)).join(', ');
}

/** `<op> <collection>` per call, outside transactions and inside them. */
export interface Trace {
  outside: string[];
  inside: string[];
}

/**
 * Names the collection of each operation (CountingStore counts them; this only says which):
 * `outside` and `inside` get `<op> <collection>` per call.
 */
export function tracing(inner: DocStore, trace: Trace): DocStore {
  const txOf = (tx: TxStore): TxStore => ({
    get: (collection, id) => (trace.inside.push(`get ${collection}`), tx.get(collection, id)),
    create: (collection, doc) => (trace.inside.push(`create ${collection}`), tx.create(collection, doc)),
    set: (collection, doc) => (trace.inside.push(`set ${collection}`), tx.set(collection, doc)),
    update: (collection, id, update) => (trace.inside.push(`update ${collection}`), tx.update(collection, id, update)),
    remove: (collection, id) => (trace.inside.push(`remove ${collection}`), tx.remove(collection, id)),
  });
  return {
    get: <T extends Doc>(collection: string, id: string) => (
      trace.outside.push(`get ${collection}`),
      inner.get<T>(collection, id)
    ),
    create: (collection, doc) => (trace.outside.push(`create ${collection}`), inner.create(collection, doc)),
    set: (collection, doc) => (trace.outside.push(`set ${collection}`), inner.set(collection, doc)),
    update: (collection, id, update) => (
      trace.outside.push(`update ${collection}`),
      inner.update(collection, id, update)
    ),
    remove: (collection, id) => (trace.outside.push(`remove ${collection}`), inner.remove(collection, id)),
    query: <T extends Doc>(collection: string, options?: Parameters<DocStore['query']>[1]) => (
      trace.outside.push(`query ${collection}`),
      inner.query<T>(collection, options)
    ),
    count: (collection, where) => (trace.outside.push(`count ${collection}`), inner.count(collection, where)),
    transaction: (work) => inner.transaction((tx) => work(txOf(tx))),
  };
}

/** A file gateway whose every method refuses with `message` (whatever methods it grows). */
export const refusingFiles = (message: string): FileGateway =>
  new Proxy({} as FileGateway, {
    get: () => async () => {
      throw new Error(message);
    },
  });

// ---------------------------------------------------------------------------------------------
// A host's --cpu-prof profile and its hot spots

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const short = url
    .replace(/^file:\/\//, '')
    .replace(`${ROOT}/`, '')
    .replace(/^.*node_modules\//, '');
  // tsx compiles the project's .ts files: their line numbers are the compiled code's, so left out.
  return short.endsWith('.ts') ? `${name}  ${short}` : `${name}  ${short}:${lineNumber + 1}`;
}

function categoryOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native: V8 built-ins, JSON, better-sqlite3 binding)';
  if (url.startsWith('node:')) return 'node: internals (net, http, streams)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `node_modules/${pkg[1]}`;
  const own = /\/(core|host|contracts)\/(.*)$/.exec(url);
  if (own) return `${own[1]}/${own[2].replace(/\.ts$/, '')}`;
  return url;
}

/** Self time by area and by function, and inclusive time of core/ and host/ functions, as printable lines. */
export function summariseProfile(file: string): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const totalSamples = profile.samples.length;
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / totalSamples;
  const idle = [...byId.values()]
    .filter((node) => node.callFrame.functionName === '(idle)')
    .reduce((sum, node) => sum + (hits.get(node.id) ?? 0), 0);
  const busy = totalSamples - idle;
  const self = new Map<string, number>();
  const categories = new Map<string, number>();
  for (const [id, count] of hits) {
    const node = byId.get(id) as ProfileNode;
    if (node.callFrame.functionName === '(idle)') continue;
    const key = frameKey(node);
    self.set(key, (self.get(key) ?? 0) + count);
    const category = categoryOf(node);
    categories.set(category, (categories.get(category) ?? 0) + count);
  }
  // Inclusive time of the project's own functions: each sample counted once per function on its stack.
  const inclusive = new Map<string, number>();
  const root = profile.nodes[0];
  const walk = (node: ProfileNode, onStack: Map<string, number>): number => {
    let total = hits.get(node.id) ?? 0;
    if (node.callFrame.functionName === '(idle)') total = 0;
    const key = frameKey(node);
    const own = /\/(core|host)\//.test(node.callFrame.url);
    if (own) onStack.set(key, (onStack.get(key) ?? 0) + 1);
    for (const child of node.children ?? []) total += walk(byId.get(child) as ProfileNode, onStack);
    if (own) {
      const depth = (onStack.get(key) ?? 1) - 1;
      if (depth === 0) {
        onStack.delete(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + total);
      } else onStack.set(key, depth);
    }
    return total;
  };
  walk(root, new Map());
  const pct = (count: number) => `${((count / busy) * 100).toFixed(1).padStart(5)}%`;
  const top = (map: Map<string, number>, n: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [
    `profile: ${n0(totalSamples)} samples over ${f1((profile.endTime - profile.startTime) / 1e6)} s (${f2(msPerSample)} ms each); busy ${n0(busy * msPerSample)} ms, idle ${((idle / totalSamples) * 100).toFixed(1)}%. Percentages are of busy time.`,
    '',
    'self time by area:',
    ...top(categories, 14).map(([name, count]) => `  ${pct(count)}  ${name}`),
    '',
    'self time by function (top 25):',
    ...top(self, 25).map(([name, count]) => `  ${pct(count)}  ${name}`),
    '',
    'inclusive time of core/ and host/ functions (top 15):',
    ...top(inclusive, 15).map(([name, count]) => `  ${pct(count)}  ${name}`),
  ];
  return lines;
}
