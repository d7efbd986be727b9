// `npx tsx scripts/bench-signin.ts`: the sign-in burst against the local host (issue 4).
// A benchmark, not a test: it prints figures; it fails (exit 1) only when a sign-in is refused or
// lost, or when the totals do not equal the ledger.
//
//  1. seeds a fresh SQLite file under the OS temp dir straight through SqliteStore: one committee,
//     ten branches of 2,000 active members, a binding and a session per member, one activity per
//     branch (sign-in open now and for the next hour, the branch's members expected); plus a
//     separate warm-up committee whose members warm the host up without using the 20,000;
//  2. starts the host as a child process (NODE_ENV=production) on that file;
//  3. from this process, with autocannon (50 connections, pipelining 1): the rate of GET /healthz
//     (the no-op route), then the burst: exactly 20,000 check-ins, one per member, interleaved
//     across the ten activities, each with its own session and a code made for the current step;
//     then checks through the store that every sign-in is there and the totals equal the ledger.
//     Also printed: the host's and this process's CPU time per sign-in (from /proc), stretches in
//     which no answer arrived (the host blocked), and the slowest requests;
//  4. counts the document operations one sign-in costs, in-process, through a counting DocStore;
//  5. kills the host with SIGKILL in the middle of a second burst (fresh seed), restarts it, and
//     checks that every acknowledged sign-in survived and the totals still equal the ledger.
//
// Flags:
//   --profile   also run a burst against a host started with --cpu-prof and print its hot spots
//   --keep      keep the temp dirs (their paths are printed)
//   --quick     2 branches of 250 members, 200 warm-up members, a 1 s no-op rate (CI: the bench still runs)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { attendanceId, awardEntryId } from '../core/activities/documents';
import { makeToken, newSecret, stepOf } from '../core/activities/token';
import { functions } from '../core/functions';
import { boundMember } from '../core/shared/snapshots';
import type { HandlerContext } from '../core/runtime/context';
import { newId } from '../core/runtime/ids';
import type { Store } from '../core/shared/collections';
import { SqliteStore } from '../core/store/sqlite';
import { sessionDoc, Sessions } from '../host/sessions';
import { CountingStore } from '../core/store/counting-store';
import {
  checkLedger,
  checkWarmup,
  CONNECTIONS,
  countOperations,
  interleaved,
  latencyLines,
  measureNoop,
  noopLine,
  operationsText,
  opsLine,
  profiled,
  refusalsLine,
  seedSqliteFile,
  startupLine,
  timedBurst,
  timingLines,
  withSqlite,
  type BurstFigures,
  type LedgerCheck,
  type OpCount,
  type SeededFile as SqliteFile,
} from './bench-host-support';
import {
  args,
  exited,
  f1,
  f2,
  loadText,
  log,
  n0,
  pad,
  post,
  printHeading,
  QUICK,
  readmeSnippet,
  refusingFiles,
  runBench,
  seedMembers,
  startHost,
  stopHost,
  tempDir as makeTempDir,
  tracing,
  type Host,
  type NoopRate,
  type SeedMember as SharedSeedMember,
  type SeedSpec,
  type Trace,
} from './bench-support';

// ---------------------------------------------------------------------------------------------
// Options and shape of the data

const PROFILE = args.flag('--profile');
const KEEP = args.flag('--keep');

// --quick: 2 branches of 250 (CI proves the bench runs; the figures mean little).
const BRANCHES = QUICK ? 2 : 10;
const PER_BRANCH = QUICK ? 250 : 2000;
const MEMBERS = BRANCHES * PER_BRANCH;
const WARMUP_MEMBERS = QUICK ? 200 : 2000;
const KILL_AFTER = 0.4;

const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// Temp dirs and exit

const tempDir = (label: string): string => makeTempDir(`zhibu-bench-signin-${label}`);

// ---------------------------------------------------------------------------------------------
// Seeding

interface SeedMember extends SharedSeedMember {
  /** Index of the member's activity in {@link Seeded.activities}. */
  activity: number;
}

interface SeedActivity {
  id: string;
  secret: string;
}

interface Seeded {
  committeeId: string;
  activities: SeedActivity[];
  /** The session of the committee admin whose screens show the activities' codes. */
  screenSession: string;
  /** Branch-major: member `k` of branch `b` is `members[b * perBranch + k]`. */
  members: SeedMember[];
}

/** One committee, its branches, their members (bound, with a session) and one open activity per branch. */
async function seedCommittee(store: Store, spec: SeedSpec): Promise<Seeded> {
  const { prefix, now } = spec;
  const at = now.toISOString();
  const start = new Date(now.getTime() + 30 * MINUTE);
  const activities: SeedActivity[] = [];
  // Each branch's activity is written in the branch's own transaction.
  const { committeeId, members } = await seedMembers(
    store,
    spec,
    async (tx, { index: b, branchId, committeeId, members }) => {
      const activityId = `${prefix}-act-${pad(b + 1, 2)}`;
      const secret = newSecret();
      activities.push({ id: activityId, secret });
      await tx.create('activities', {
        _id: activityId,
        orgId: branchId,
        branchId,
        committeeId,
        kind: 'party_congress',
        title: `第${b + 1}党支部党员大会`,
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 90 * MINUTE).toISOString(),
        signInFrom: new Date(now.getTime() - 5 * MINUTE).toISOString(),
        signInUntil: new Date(now.getTime() + 60 * MINUTE).toISOString(),
        graceMinutes: 5,
        place: null,
        notes: '',
        attendees: members.map((m) => ({ id: m._id, name: m.name, exempt: null })),
        secret,
        status: 'active',
        cancelReason: null,
        closedAt: null,
        closeSummary: null,
        createdBy: 'bench',
        createdAt: at,
        updatedAt: at,
      });
    },
  );
  // The screens showing the codes (大屏) are run by the committee's admin.
  const screenSession = randomBytes(24).toString('base64url');
  const screen = `${prefix}-screen`;
  await store.create('roles', {
    _id: `${screen}:${committeeId}:admin`,
    openid: screen,
    orgId: committeeId,
    role: 'admin',
    grantedBy: 'bench',
    at,
  });
  await store.create('sessions', sessionDoc(screenSession, screen, now, false));
  return { committeeId, activities, screenSession, members: members.map((m) => ({ ...m, activity: m.branch })) };
}

type SeededFile = SqliteFile & { main: Seeded; warmup: Seeded | null };

const seedFile = (label: string, withWarmup: boolean): Promise<SeededFile> =>
  seedSqliteFile(tempDir(label), async (store, now) => ({
    main: await seedCommittee(store, { prefix: 'bench', branches: BRANCHES, perBranch: PER_BRANCH, now }),
    warmup: withWarmup
      ? await seedCommittee(store, { prefix: 'warm', branches: 1, perBranch: WARMUP_MEMBERS, now })
      : null,
  }));

// ---------------------------------------------------------------------------------------------
// Sign-in requests

/** The code shown for an activity at the current step (one HMAC per activity and step). */
function tokenMaker(activities: SeedActivity[]): (activity: number) => string {
  let step = -1;
  let tokens: string[] = [];
  return (activity) => {
    const now = stepOf(new Date());
    if (now !== step) {
      step = now;
      tokens = activities.map((a) => makeToken(a.secret, 'activity', a.id, now));
    }
    return tokens[activity];
  };
}

/**
 * The activities' screens (大屏): each asks the host for its current code, and again at every step,
 * as the secretary's screen does. The burst's members scan what the screens show.
 */
async function showCodes(
  host: Host,
  seeded: Seeded,
): Promise<{ token: (activity: number) => string; stop: () => void }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${seeded.screenSession}` };
  const tokens: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = async (): Promise<void> => {
    let refreshAt = Infinity;
    for (const [i, activity] of seeded.activities.entries()) {
      const res = await post(
        agent,
        `${host.url}/api/activity`,
        headers,
        JSON.stringify({ action: 'code', data: { id: activity.id } }),
      );
      const body = JSON.parse(res.text) as { ok: boolean; data: { token: string; refreshAt: string } };
      if (!body.ok) throw new Error(`the screen of ${activity.id} got no code: ${res.text}`);
      tokens[i] = body.data.token;
      refreshAt = Math.min(refreshAt, Date.parse(body.data.refreshAt));
    }
    if (!stopped)
      timer = setTimeout(
        () => void refresh().catch((error: Error) => log(`screen refresh failed: ${error.message}`)),
        Math.max(100, refreshAt - Date.now() + 50),
      );
  };
  await refresh();
  return {
    token: (activity) => tokens[activity],
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      agent.destroy();
    },
  };
}

/** Request `i` of a burst signs in member `k = ⌊i / branches⌋` of branch `i mod branches`: interleaved. */
const memberAt = (seeded: Seeded, i: number): number =>
  interleaved(i, seeded.activities.length, seeded.members.length / seeded.activities.length);

const checkinBody = (token: string) => JSON.stringify({ action: 'checkin', data: { token } });

interface BurstOutcome extends BurstFigures {
  /** Members acknowledged with a 200 {ok:true} answer. */
  ok: number;
  already: number;
  /** Members that got no 200 {ok:true} answer. */
  unanswered: number;
}

/** Exactly one check-in per member of `seeded`, through autocannon, each answer tied to its member. */
async function burst(host: Host, seeded: Seeded): Promise<BurstOutcome> {
  const count = seeded.members.length;
  const screens = await showCodes(host, seeded);
  const acked = new Uint8Array(count);
  let ok = 0;
  let already = 0;
  const { figures } = await timedBurst({
    host,
    path: '/api/activity',
    amount: count,
    request: (i) => {
      const member = seeded.members[memberAt(seeded, i)];
      return {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${member.session}` },
        body: checkinBody(screens.token(member.activity)),
      };
    },
    onOk: (i, body) => {
      const m = memberAt(seeded, i);
      if (!acked[m]) ok++;
      acked[m] = 1;
      if (body.includes('"already":true')) already++;
    },
  });
  screens.stop();
  let unanswered = 0;
  for (let m = 0; m < count; m++) if (!acked[m]) unanswered++;
  return { ...figures, ok, already, unanswered };
}

// ---------------------------------------------------------------------------------------------
// Checking through the store

interface StoreCheck extends LedgerCheck {
  attendance: number;
  present: number;
}

const checkStore = (file: string, seeded: Seeded): Promise<StoreCheck> =>
  withSqlite(file, async (store) => {
    const activityIds = seeded.activities.map((a) => a.id);
    return {
      attendance: await store.count('attendance', { activityId: { $in: activityIds } }),
      present: await store.count('attendance', { activityId: { $in: activityIds }, status: 'present' }),
      ...(await checkLedger(store, seeded.committeeId)),
    };
  });

// ---------------------------------------------------------------------------------------------
// Stage 1–3: the measured burst

interface Measured {
  seedSeconds: number;
  startMs: number;
  noop: NoopRate;
  warmup: BurstOutcome;
  burst: BurstOutcome;
  check: StoreCheck;
}

async function measuredBurst(): Promise<Measured> {
  log(
    `seeding ${n0(MEMBERS)} members in ${BRANCHES} branches (+ ${n0(WARMUP_MEMBERS)} warm-up members in their own committee)`,
  );
  const seeded = await seedFile('burst', true);
  log(`seeded in ${f2(seeded.seconds)} s (${seeded.file})`);
  const host = await startHost(seeded.dir);
  log(`host ready in ${n0(host.startMs)} ms (pid ${host.child.pid}, port ${host.port})`);
  try {
    const noopResult = await measureNoop(host);
    const warmup = await burst(host, seeded.warmup as Seeded);
    checkWarmup(warmup, 'sign-ins');
    log(`burst: ${n0(MEMBERS)} sign-ins, ${CONNECTIONS} connections`);
    const result = await burst(host, seeded.main);
    log(
      `burst: ${n0(result.rate)} sign-ins/s over ${f2(result.seconds)} s; p50 ${f1(result.latency.p50)} ms, p99 ${f1(result.latency.p99)} ms, p99.9 ${f1(result.latency.p999)} ms, max ${f1(result.latency.max)} ms`,
    );
    await stopHost(host);
    const check = await checkStore(seeded.file, seeded.main);
    log(
      `store: ${n0(check.attendance)} attendance records (${n0(check.present)} present), ${n0(check.ledger)} ledger entries, ${n0(check.totals)} totals docs; verify: ${check.consistent ? 'totals equal the ledger' : 'TOTALS DIFFER'} (${n0(check.verifiedEntries)} entries)`,
    );
    return {
      seedSeconds: seeded.seconds,
      startMs: host.startMs,
      noop: noopResult,
      warmup,
      burst: result,
      check,
    };
  } finally {
    await stopHost(host);
  }
}

// ---------------------------------------------------------------------------------------------
// Stage 4: document operations per sign-in, in-process

/** A sign-in touches no files: every method of the gateway refuses (whatever methods it grows). */
const noFiles = refusingFiles('a sign-in uses no files');

async function operationsPerSignIn(): Promise<OpCount[]> {
  const sqlite = new SqliteStore({ file: ':memory:' });
  const base: Store = sqlite;
  try {
    const now = new Date();
    const seeded = await seedCommittee(base, { prefix: 'ops', branches: 1, perBranch: PER_BRANCH, now });
    const trace: Trace = { outside: [], inside: [] };
    const store = new CountingStore(tracing(sqlite, trace));
    const sessions = new Sessions(store);
    const token = tokenMaker(seeded.activities);
    const ctx = (openid: string | null): HandlerContext => ({
      openid,
      store,
      clock: () => new Date(),
      files: noFiles,
      newId: () => newId(Date.now()),
    });
    /** What the host does for one POST /api/activity: resolve the session, then run the action. */
    const signIn = (member: SeedMember, label: string): Promise<OpCount> =>
      countOperations(store, trace, label, async () => {
        const openid = await sessions.resolve(`Bearer ${member.session}`);
        const result = await functions.activity(
          { action: 'checkin', data: { token: token(member.activity) } },
          ctx(openid),
        );
        if (!result.ok) throw new Error(`in-process sign-in refused: ${JSON.stringify(result.error)}`);
      });
    const [first, second, third] = seeded.members;
    const rows: OpCount[] = [];
    rows.push(await signIn(first, 'cold: first sign-in of the process'));
    rows.push(await signIn(second, 'burst: warm process, first request of this member'));
    // The member opened the app before scanning: their session and binding are known to the process.
    await sessions.resolve(`Bearer ${third.session}`);
    await boundMember(ctx(third.openid), third.openid);
    rows.push(await signIn(third, 'warm: member already seen by the process'));
    // The bench's own check that the sign-ins were written.
    for (const member of [first, second, third]) {
      const record = await base.get('attendance', attendanceId(seeded.activities[0].id, member.memberId));
      if (!record) throw new Error('in-process sign-in left no attendance record');
    }
    return rows;
  } finally {
    sqlite.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Stage 5: SIGKILL in the middle of a burst

interface Recovery {
  seedSeconds: number;
  sent: number;
  acknowledged: number;
  ackedAfterKill: number;
  failed: number;
  refused: number;
  killedAfterMs: number;
  restartMs: number;
  pidCommand: string;
  afterRestart: { reSignIn: string; newSignIn: string };
  /** Acknowledged sign-ins looked up: the burst's, plus the one made after the restart. */
  checked: number;
  found: number;
  missingAttendance: number;
  missingLedger: number;
  check: StoreCheck;
}

async function killRecovery(): Promise<Recovery> {
  log(`SIGKILL recovery: fresh seed of ${n0(MEMBERS)} members`);
  const seeded = await seedFile('kill', false);
  log(`seeded in ${f2(seeded.seconds)} s`);
  const host = await startHost(seeded.dir);
  const pid = host.child.pid as number;
  const pidCommand = existsSync(`/proc/${pid}/cmdline`)
    ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    : '(no /proc)';
  const seededMain = seeded.main;
  const count = seededMain.members.length;
  const token = tokenMaker(seededMain.activities);
  const acked = new Uint8Array(count);
  const killAt = Math.round(count * KILL_AFTER);
  let next = 0;
  let acknowledged = 0;
  let ackedAfterKill = 0;
  let failed = 0;
  let refused = 0;
  let killed = false;
  let killedAfterMs = 0;
  const firstRefusals: string[] = [];
  const t0 = performance.now();
  const url = `${host.url}/api/activity`;
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const worker = async () => {
    while (next < count) {
      const m = memberAt(seededMain, next++);
      const member = seededMain.members[m];
      try {
        const res = await post(
          agent,
          url,
          { 'content-type': 'application/json', authorization: `Bearer ${member.session}` },
          checkinBody(token(member.activity)),
        );
        if (res.status === 200 && (JSON.parse(res.text) as { ok: boolean }).ok) {
          acked[m] = 1;
          acknowledged++;
          if (killed) ackedAfterKill++;
          if (!killed && acknowledged >= killAt) {
            killed = true;
            killedAfterMs = performance.now() - t0;
            process.kill(pid, 'SIGKILL');
          }
        } else {
          refused++;
          if (firstRefusals.length < 5) firstRefusals.push(`${res.status} ${res.text.slice(0, 300)}`);
        }
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  await exited(host.child);
  log(
    `killed the host (pid ${pid}, SIGKILL) after ${n0(killAt)} acknowledged sign-ins, ${n0(killedAfterMs)} ms into the burst; ` +
      `client: ${n0(acknowledged)} acknowledged (${ackedAfterKill} of them after the kill was sent), ${n0(failed)} failed, ${refused} refused`,
  );
  if (refused) log(`refusals:\n${firstRefusals.join('\n')}`);

  const restarted = await startHost(seeded.dir);
  log(`restarted in ${n0(restarted.startMs)} ms`);
  // The restarted host sees the sign-ins: an acknowledged member is told they are signed in
  // already, and a member whose request never went out can still sign in.
  const ask = async (m: number) => {
    const member = seededMain.members[m];
    const res = await fetch(`${restarted.url}/api/activity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.session}` },
      body: checkinBody(
        makeToken(
          seededMain.activities[member.activity].secret,
          'activity',
          seededMain.activities[member.activity].id,
          stepOf(new Date()),
        ),
      ),
    });
    const body = (await res.json()) as { ok: boolean; data?: { already: boolean } };
    return `${res.status} ${body.ok ? (body.data?.already ? 'already signed in' : 'signed in') : JSON.stringify(body)}`;
  };
  const firstAcked = acked.indexOf(1);
  let lastUnacked = -1;
  for (let m = count - 1; m >= 0; m--)
    if (!acked[m]) {
      lastUnacked = m;
      break;
    }
  const afterRestart = {
    reSignIn: firstAcked >= 0 ? await ask(firstAcked) : 'n/a',
    newSignIn: lastUnacked >= 0 ? await ask(lastUnacked) : 'n/a',
  };
  await stopHost(restarted);
  if (lastUnacked >= 0 && afterRestart.newSignIn.startsWith('200')) acked[lastUnacked] = 1;

  let found = 0;
  let checked = 0;
  let missingAttendance = 0;
  let missingLedger = 0;
  await withSqlite(seeded.file, async (store) => {
    for (let m = 0; m < count; m++) {
      if (!acked[m]) continue;
      checked++;
      const member = seededMain.members[m];
      const activityId = seededMain.activities[member.activity].id;
      const record = await store.get('attendance', attendanceId(activityId, member.memberId));
      const entry = await store.get('ledger', awardEntryId(activityId, member.memberId, 1));
      if (!record) missingAttendance++;
      if (!entry) missingLedger++;
      if (record && entry) found++;
    }
  });
  const check = await checkStore(seeded.file, seededMain);
  log(
    `after restart: ${n0(found)} of ${n0(checked)} acknowledged sign-ins found (missing: ${missingAttendance} attendance, ${missingLedger} ledger); ` +
      `${n0(check.attendance)} attendance records, ${n0(check.ledger)} ledger entries in all; verify: ${check.consistent ? 'totals equal the ledger' : 'TOTALS DIFFER'}`,
  );
  return {
    seedSeconds: seeded.seconds,
    sent: next,
    acknowledged,
    ackedAfterKill,
    failed,
    refused,
    killedAfterMs,
    restartMs: restarted.startMs,
    pidCommand,
    afterRestart,
    checked,
    found,
    missingAttendance,
    missingLedger,
    check,
  };
}

// ---------------------------------------------------------------------------------------------
// --profile: a burst against a host started with --cpu-prof, and its hot spots

async function profiledBurst(): Promise<{ outcome: BurstOutcome; summary: string[] }> {
  log('profile: fresh seed, host started with --cpu-prof');
  const seeded = await seedFile('profile', true);
  return profiled(seeded.dir, async (host) => {
    await burst(host, seeded.warmup as Seeded);
    const outcome = await burst(host, seeded.main);
    log(
      `profiled burst: ${n0(outcome.rate)} sign-ins/s, p50 ${f1(outcome.latency.p50)} ms, p99 ${f1(outcome.latency.p99)} ms (profiler overhead included)`,
    );
    return outcome;
  });
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<boolean> {
  printHeading('Sign-in burst against the local host', loadavg());
  const measured = await measuredBurst();
  const ops = await operationsPerSignIn();
  for (const row of ops) log(operationsText(row));
  const recovery = await killRecovery();
  const profiled = PROFILE ? await profiledBurst() : null;

  const b = measured.burst;
  const c = measured.check;
  const burstOk =
    b.refused === 0 &&
    b.unanswered === 0 &&
    b.errors === 0 &&
    b.already === 0 &&
    c.attendance === MEMBERS &&
    c.ledger === MEMBERS &&
    c.verifiedEntries === MEMBERS &&
    c.consistent;
  const recoveryOk =
    recovery.missingAttendance === 0 &&
    recovery.missingLedger === 0 &&
    recovery.found === recovery.checked &&
    recovery.check.consistent &&
    recovery.check.attendance === recovery.check.ledger &&
    recovery.refused === 0;
  const burstRow = ops.find((row) => row.label.startsWith('burst')) as OpCount;
  const warmRow = ops.find((row) => row.label.startsWith('warm')) as OpCount;
  const coldRow = ops.find((row) => row.label.startsWith('cold')) as OpCount;
  const oneTx = ops.every((row) => row.transactions === 1 && row.attempts === 1);

  console.log('\n### Summary');
  console.log(
    `seeding                  ${f2(measured.seedSeconds)} s (${n0(MEMBERS + WARMUP_MEMBERS)} members, bindings and sessions, ${BRANCHES + 1} activities)`,
  );
  console.log(startupLine(measured.startMs));
  console.log(noopLine(measured.noop));
  console.log(
    `sign-ins                 ${n0(b.requests)} requests in ${f2(b.seconds)} s → ${n0(b.rate)} sign-ins/s (${((b.rate / measured.noop.rate) * 100).toFixed(1)}% of the no-op rate)`,
  );
  for (const line of [...latencyLines('sign-in', b), ...timingLines('sign-in', b)]) console.log(line);
  console.log(
    `answers                  ${n0(b.ok)} × 200 ok, ${b.refused} refused, ${b.errors} errors, ${b.timeouts} timeouts, ${b.already} "already"; status codes ${JSON.stringify(b.statusCodes)}`,
  );
  if (b.firstRefusals.length) console.log(refusalsLine(b));
  console.log(
    `store after the burst    ${n0(c.attendance)} attendance records, ${n0(c.ledger)} ledger entries; verify: ${c.consistent ? 'totals equal the ledger' : `TOTALS DIFFER ${JSON.stringify(c.differences)}`}`,
  );
  for (const row of [coldRow, burstRow, warmRow]) console.log(opsLine(row));
  console.log(`  one transaction each   ${oneTx ? 'yes, each at its first attempt' : 'NO'}`);
  console.log(
    `SIGKILL mid-burst        killed pid ${recovery.pidCommand ? `(${recovery.pidCommand})` : ''} after ${n0(recovery.killedAfterMs)} ms; ${n0(recovery.acknowledged)} acknowledged, ${n0(recovery.failed)} failed (connection refused/reset)`,
  );
  console.log(
    `  after restart          restart ${n0(recovery.restartMs)} ms; acked member again: ${recovery.afterRestart.reSignIn}; never-sent member: ${recovery.afterRestart.newSignIn}`,
  );
  console.log(
    `  acknowledged found     ${n0(recovery.found)} of ${n0(recovery.checked)}; missing ${recovery.missingAttendance + recovery.missingLedger}; ${n0(recovery.check.attendance)} records / ${n0(recovery.check.ledger)} ledger entries in all; verify: ${recovery.check.consistent ? 'totals equal the ledger' : 'TOTALS DIFFER'}`,
  );
  console.log('');
  console.log(
    `correctness: burst ${burstOk ? `ok (${n0(MEMBERS)} acknowledged, recorded and on the ledger)` : 'FAILED'}; SIGKILL recovery ${recoveryOk ? 'ok (nothing acknowledged was lost)' : 'FAILED'}`,
  );
  console.log(`load average at end ${loadText(loadavg())}`);

  if (profiled) {
    console.log('\n### Host profile during a burst (--cpu-prof; the figures of that run include the profiler)');
    console.log(`profiled burst: ${n0(profiled.outcome.rate)} sign-ins/s, p99 ${f1(profiled.outcome.latency.p99)} ms`);
    for (const line of profiled.summary) console.log(line);
  }

  const snippet = readmeSnippet(
    [
      `Sign-in burst (\`npm run bench -- --signin-only\`): ${n0(MEMBERS)} members of ${BRANCHES} branches sign in to ${BRANCHES} activities at once, ` +
        `one request each, against the local host (SQLite, WAL) from a separate process (autocannon, ${CONNECTIONS} connections); ${cpus().length} cores.`,
    ],
    [
      ['sign-ins per second', `${n0(b.rate)} (no-op route of the same host: ${n0(measured.noop.rate)} req/s)`],
      ['latency', `p50 ${f1(b.latency.p50)} ms, p99 ${f1(b.latency.p99)} ms, max ${f1(b.latency.max)} ms`],
      [
        'database operations per sign-in',
        `${burstRow.inTx} in one transaction + ${burstRow.outside} ${burstRow.outside === 1 ? 'read' : 'reads'} outside (first request of a member); ${warmRow.inTx} + ${warmRow.outside} when the member is known`,
      ],
      [
        'host killed (SIGKILL) mid-burst',
        `${n0(recovery.acknowledged)} acknowledged sign-ins, ${recovery.missingAttendance + recovery.missingLedger} lost; totals equal the ledger: ${recovery.check.consistent ? 'yes' : 'NO'}`,
      ],
    ],
  );
  console.log(`\n${snippet.join('\n')}`);
  return burstOk && recoveryOk;
}

runBench(main, KEEP);
