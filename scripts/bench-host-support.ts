// The steps the benches against the local host (scripts/bench-signin.ts, scripts/bench-heartbeat.ts)
// take alike, built on scripts/bench-support.ts: a seeded SQLite file, the no-op rate, a timed burst
// of POSTs with each answer tied to its request, the ledger check after it, a run under --cpu-prof,
// the document operations of one request, and the summary lines they print the same way.
import { existsSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { verifyTotals } from '../core/points/verify';
import type { Store } from '../core/shared/collections';
import { SqliteStore } from '../core/store/sqlite';
import type { CountingStore } from '../core/store/counting-store';
import {
  cannon,
  cpuOf,
  describeCounts,
  f1,
  f2,
  log,
  n0,
  noop,
  percentile,
  QUICK,
  slowestOf,
  stallsOf,
  startHost,
  stopHost,
  summariseProfile,
  tally,
  type CannonHistogram,
  type Host,
  type NoopRate,
  type Slowest,
  type Stalls,
  type Trace,
} from './bench-support';

/** autocannon's connections, for the bursts and the no-op rate alike (pipelining 1). */
export const CONNECTIONS = 50;
const NOOP_SECONDS = 5;

// ---------------------------------------------------------------------------------------------
// The seeded file and the host on it

export interface SeededFile {
  dir: string;
  /** Where host/main.ts looks under DATA_DIR. */
  file: string;
  /** How long seeding took, checkpoint and close included. */
  seconds: number;
}

/** Seeds a SQLite file in `dir` through the store, then checkpoints the log into it and closes it. */
export async function seedSqliteFile<T extends object>(
  dir: string,
  seed: (store: Store, now: Date) => Promise<T>,
): Promise<SeededFile & T> {
  const file = join(dir, 'zhibu.sqlite');
  const t0 = performance.now();
  const store = new SqliteStore({ file });
  const seeded = await seed(store, new Date());
  store.checkpoint('TRUNCATE');
  await store.close();
  return { ...seeded, dir, file, seconds: (performance.now() - t0) / 1000 };
}

/** Opens the SQLite file (the host stopped), runs `work` on it and closes it. */
export async function withSqlite<T>(file: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = new SqliteStore({ file });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Request `i` of a burst goes to member `k = ⌊i / branches⌋` of branch `i mod branches`: interleaved. */
export const interleaved = (i: number, branches: number, perBranch: number): number =>
  (i % branches) * perBranch + Math.floor(i / branches);

/** The rate of the no-op route after a second that warms the connections and the route. */
export async function measureNoop(host: Host): Promise<NoopRate> {
  await noop(host, 1, CONNECTIONS);
  const rate = await noop(host, QUICK ? 1 : NOOP_SECONDS, CONNECTIONS);
  log(`no-op GET /healthz: ${n0(rate.rate)} req/s (p50 ${rate.p50} ms, p99 ${rate.p99} ms, ${rate.non2xx} non-2xx)`);
  return rate;
}

/** Runs `work` against a host started on `dir` with --cpu-prof, and summarises the profile it writes. */
export async function profiled<T>(
  dir: string,
  work: (host: Host) => Promise<T>,
): Promise<{ outcome: T; summary: string[] }> {
  const profileDir = join(dir, 'profile');
  const host = await startHost(dir, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  let outcome: T;
  try {
    outcome = await work(host);
  } finally {
    await stopHost(host);
  }
  const files = existsSync(profileDir) ? readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (!files.length) throw new Error(`no .cpuprofile written in ${profileDir}`);
  return { outcome, summary: summariseProfile(join(profileDir, files[0])) };
}

// ---------------------------------------------------------------------------------------------
// A timed burst

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export function latencyOf(values: Float64Array): Latency {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    p999: percentile(sorted, 0.999),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export interface BurstSpec {
  host: Host;
  path: string;
  amount: number;
  /** Request `i` (0 ≤ i < amount), sent at `now` (performance.now()). */
  request: (i: number, now: number) => { headers: Record<string, string>; body: string };
  /** Request `i` was answered 200 {ok:true}. */
  onOk: (i: number, body: string) => void;
}

export interface BurstFigures extends Stalls, Slowest {
  requests: number;
  seconds: number;
  rate: number;
  latency: Latency;
  cannonLatency: CannonHistogram;
  /** Answers other than 200 {ok:true}. */
  refused: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  firstRefusals: string[];
  /** CPU time the host process and this (client) process spent during the burst, per request. */
  hostCpuMs: number | null;
  clientCpuMs: number;
}

export interface TimedBurst {
  figures: BurstFigures;
  /** When the burst started (performance.now()). */
  t0: number;
  /** By request. */
  latencies: Float64Array;
  /** When each answer arrived, in the order they arrived. */
  answeredAt: Float64Array;
}

/** Exactly `amount` POSTs to `path` through autocannon, each answer tied to its request. */
export async function timedBurst(spec: BurstSpec): Promise<TimedBurst> {
  const { host, amount } = spec;
  const sentAt = new Float64Array(amount);
  const latencies = new Float64Array(amount);
  const answeredAt = new Float64Array(amount);
  let answers = 0;
  let next = 0;
  let refused = 0;
  const firstRefusals: string[] = [];
  const hostCpu0 = cpuOf(host.child.pid);
  const clientCpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { result, seconds } = await cannon({
    url: host.url,
    connections: CONNECTIONS,
    pipelining: 1,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: spec.path,
        setupRequest: (request, context) => {
          const i = next++ % amount;
          const now = performance.now();
          context.request = i;
          sentAt[i] = now;
          const { headers, body } = spec.request(i, now);
          request.headers = headers;
          request.body = body;
          return request;
        },
        onResponse: (status, body, context) => {
          const i = context.request;
          const now = performance.now();
          latencies[i] = now - sentAt[i];
          if (answers < amount) answeredAt[answers++] = now;
          if (status === 200 && body.startsWith('{"ok":true')) spec.onOk(i, body);
          else {
            refused++;
            if (firstRefusals.length < 5) firstRefusals.push(`${status} ${body.slice(0, 300)}`);
          }
        },
      },
    ],
  });
  const hostCpu1 = cpuOf(host.child.pid);
  const clientCpu = process.cpuUsage(clientCpu0);
  const answered = answeredAt.subarray(0, answers);
  return {
    figures: {
      requests: result.requests.total,
      seconds,
      rate: result.requests.total / seconds,
      latency: latencyOf(latencies),
      cannonLatency: result.latency,
      refused,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
      firstRefusals,
      hostCpuMs: hostCpu0 !== null && hostCpu1 !== null ? (hostCpu1 - hostCpu0) / amount : null,
      clientCpuMs: (clientCpu.user + clientCpu.system) / 1000 / amount,
      ...stallsOf(t0, answered),
      ...slowestOf(t0, sentAt, latencies),
    },
    t0,
    latencies,
    answeredAt: answered,
  };
}

/** Logs the warm-up burst (`what`: its requests, plural) and throws if any of it was refused. */
export function checkWarmup(warmup: BurstFigures & { ok: number }, what: string): void {
  log(
    `warm-up: ${n0(warmup.ok)} ${what} of warm-up members at ${n0(warmup.rate)}/s (p99 ${f1(warmup.latency.p99)} ms, ${warmup.refused} refused)`,
  );
  if (warmup.refused) throw new Error(`warm-up ${what} refused:\n${warmup.firstRefusals.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// Checking through the store

export interface LedgerCheck {
  ledger: number;
  totals: number;
  consistent: boolean;
  verifiedEntries: number;
  differences: unknown[];
}

/** The committee's ledger entries and totals documents, and whether the totals equal the ledger. */
export async function checkLedger(store: Store, committeeId: string): Promise<LedgerCheck> {
  const verified = await verifyTotals(store, committeeId);
  return {
    ledger: await store.count('ledger', { committeeId }),
    totals: await store.count('pointTotals', { committeeId }),
    consistent: verified.consistent,
    verifiedEntries: verified.entries,
    differences: verified.differences.slice(0, 5),
  };
}

// ---------------------------------------------------------------------------------------------
// Document operations of one request, in-process

export interface OpCount {
  label: string;
  inTx: number;
  outside: number;
  transactions: number;
  attempts: number;
  detail: string;
}

/** The document operations `work` issues through `store` (counted from zero), named by `trace`. */
export async function countOperations(
  store: CountingStore,
  trace: Trace,
  label: string,
  work: () => Promise<void>,
): Promise<OpCount> {
  store.reset();
  trace.outside.length = 0;
  trace.inside.length = 0;
  await work();
  const inside = store.inside;
  return {
    label,
    inTx: inside.total,
    outside: store.outside.total,
    transactions: store.transactions.length,
    attempts: store.transactions.reduce((sum, t) => sum + t.attempts.length, 0),
    detail:
      `in the transaction: ${describeCounts(inside)} [${tally(trace.inside) || '-'}]; ` +
      `outside: ${describeCounts(store.outside)} [${tally(trace.outside) || '-'}]`,
  };
}

export const operationsText = (row: OpCount) =>
  `operations, ${row.label}: ${row.inTx} in ${row.transactions} transaction(s), ${row.outside} outside (${row.detail})`;

// ---------------------------------------------------------------------------------------------
// Lines of the summary

export const startupLine = (startMs: number) =>
  `host start-up            ${n0(startMs)} ms (process start → /healthz, tsx loader)`;

export const noopLine = (rate: NoopRate) =>
  `no-op GET /healthz       ${n0(rate.rate)} req/s (p50 ${rate.p50} ms, p99 ${rate.p99} ms)`;

/** The latency measured here and autocannon's own; `what` names one request (sign-in, heartbeat). */
export function latencyLines(what: string, b: BurstFigures): string[] {
  return [
    `${`${what} latency`.padEnd(25)}p50 ${f1(b.latency.p50)} ms, p90 ${f1(b.latency.p90)} ms, p99 ${f1(b.latency.p99)} ms, p99.9 ${f1(b.latency.p999)} ms, max ${f1(b.latency.max)} ms, mean ${f1(b.latency.mean)} ms`,
    `  (autocannon's own)     p50 ${b.cannonLatency.p50} ms, p99 ${b.cannonLatency.p99} ms, p99.9 ${b.cannonLatency.p99_9} ms, max ${b.cannonLatency.max} ms`,
  ];
}

/** Stalls, the slowest requests and the CPU time per request (when /proc tells). */
export function timingLines(what: string, b: BurstFigures): string[] {
  const lines = [
    `stalls (no answer for > 20 ms) ${n0(b.stalledMs)} ms in all; longest: ${b.stalls.map((g) => `${n0(g.ms)} ms at ${n0(g.atMs)} ms`).join(', ') || 'none'}`,
    `slowest requests         ${b.slowest.map((r) => `${n0(r.ms)} ms (sent at ${n0(r.sentMs)} ms)`).join(', ') || 'none'}; > 50 ms by second sent: [${b.slowBySecond.join(', ')}]`,
  ];
  if (b.hostCpuMs !== null)
    lines.push(
      `${`CPU per ${what}`.padEnd(25)}host ${f2(b.hostCpuMs)} ms (one core would serve ≤ ${n0(1000 / b.hostCpuMs)}/s), client ${f2(b.clientCpuMs)} ms (both share the ${cpus().length} cores)`,
    );
  return lines;
}

export const refusalsLine = (b: BurstFigures) => `first refusals:\n  ${b.firstRefusals.join('\n  ')}`;

export const opsLine = (row: OpCount) =>
  `ops, ${row.label.split(':')[0].padEnd(19)} ${row.inTx} document operations in ${row.transactions} transaction, ${row.outside} outside  (${row.detail})`;
