// `npx tsx scripts/bench-heartbeat.ts`: lecture heartbeats against the local host (issue 5).
// A benchmark, not a test: it prints figures; it fails (exit 1) only when a heartbeat is refused or
// lost, or when the store does not hold what was acknowledged (progress documents, awards, totals
// equal to the ledger).
//
//  1. seeds a fresh SQLite file under the OS temp dir straight through SqliteStore: one committee,
//     ten branches of 1,000 active members, a binding and a session per member, four published
//     lectures of 600 s (member m watches lecture m mod 4); every tenth member resumes a lecture
//     already watched to 0.9 × 600 − 0.1 s a day ago (paused), so that their second beat completes it
//     and posts the award. Plus a separate warm-up committee (2,000 members, its own lecture) whose
//     beats warm the host up without touching the 10,000;
//  2. starts the host as a child process (NODE_ENV=production) on that file;
//  3. from this process, with autocannon (50 connections, pipelining 1): the rate of GET /healthz
//     (the no-op route), then exactly 30,000 heartbeats, three rounds across the 10,000 members
//     (round-robin, interleaved across the branches), each member with its own player session and
//     its position = seconds since its own first beat was sent (+ where it resumes): never ahead
//     of the wall clock, so a member's later beats are plausible and credited, the first is an
//     anchor. Then, through the store: every member has its progress document with its last
//     position, coverage where a beat was credited, an award per completion, and totals equal to
//     the ledger (core/points/verify.ts). Also printed: the host's and this process's CPU time per
//     beat, stalls, the slowest requests, and each round's rate and latency;
//  4. counts the document operations one heartbeat costs, in-process, through a counting DocStore:
//     an anchor, a credited beat, a refused beat (a second player), the completing beat that posts
//     the award, a beat after the member cache expired, and the first beat of a cold process.
//
// Flags:
//   --profile       also run the heartbeats against a host started with --cpu-prof and print its hot spots
//   --keep          keep the temp dirs (their paths are printed)
//   --members <n>   members of the measured committee (default 10,000; rounded to ten branches)
//   --beats <n>     beats per member (default 3)
//   --quick         500 members (unless --members), 200 warm-up members, a 1 s no-op rate (CI: the bench still runs)
import { cpus, loadavg } from 'node:os';
import type { LectureKind } from '../contracts/lecture';
import { functions } from '../core/functions';
import { boundMember } from '../core/shared/snapshots';
import { DEFAULT_POLICY, emptyProgress, type ProgressState } from '../core/lectures/coverage';
import { lectureEntryId, progressId, type LectureDoc } from '../core/lectures/documents';
import type { HandlerContext } from '../core/runtime/context';
import { newId } from '../core/runtime/ids';
import type { Store } from '../core/shared/collections';
import { SqliteStore } from '../core/store/sqlite';
import { Sessions } from '../host/sessions';
import { HEARTBEAT_INTERVAL_MS } from '../src/features/lectures/model/lectures';
import { CountingStore } from '../core/store/counting-store';
import {
  checkLedger,
  checkWarmup,
  CONNECTIONS,
  countOperations,
  interleaved,
  latencyLines,
  latencyOf,
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
  type Latency,
  type LedgerCheck,
  type OpCount as SharedOpCount,
  type SeededFile as SqliteFile,
} from './bench-host-support';
import {
  args,
  f1,
  f2,
  loadText,
  log,
  n0,
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
  type SeedMember,
  type Trace,
} from './bench-support';

// ---------------------------------------------------------------------------------------------
// Options and shape of the data

const PROFILE = args.flag('--profile');
const KEEP = args.flag('--keep');

const round2 = (n: number) => Math.round(n * 100) / 100;

const BRANCHES = 10;
const PER_BRANCH = Math.max(1, Math.round(args.count('--members', QUICK ? 500 : 10_000) / BRANCHES));
const MEMBERS = BRANCHES * PER_BRANCH;
const BEATS = args.count('--beats', 3);
const REQUESTS = MEMBERS * BEATS;
const WARMUP_MEMBERS = QUICK ? 200 : 2000;
const WARMUP_BEATS = 2;
const LECTURES = 4;
const DURATION_S = 600;
/** Every this many members resumes a lecture a tenth of a second short of completion. */
const RESUMING_EVERY = 10;
/**
 * Where they resume: 0.1 s short of the share of the duration that completes a lecture, so that
 * their second beat completes it however fast the rounds go (a round takes more than 0.1 s).
 */
const RESUME_AT = round2(DURATION_S * DEFAULT_POLICY.completeRatio - 0.1);

const DAY = 86_400_000;
/** How long the host keeps who an openid is (core/shared/snapshots.ts: members TtlCache). */
const MEMBER_CACHE_S = 30;
/** The player's heartbeat interval while playing. */
const CLIENT_INTERVAL_S = HEARTBEAT_INTERVAL_MS / 1000;

const tempDir = (label: string): string => makeTempDir(`zhibu-bench-heartbeat-${label}`);

// ---------------------------------------------------------------------------------------------
// Seeding

interface Watcher extends SeedMember {
  /** Index of the lecture the member watches in {@link Seeded.lectures}. */
  lecture: number;
  /** The member's player session (one page view). */
  player: string;
  /** Where the member starts: 0, or {@link RESUME_AT} for those who resume. */
  startAt: number;
}

interface Seeded {
  committeeId: string;
  lectures: string[];
  branches: number;
  perBranch: number;
  /** Branch-major: member `k` of branch `b` is `members[b * perBranch + k]`. */
  members: Watcher[];
}

interface SeedSpec {
  prefix: string;
  branches: number;
  perBranch: number;
  lectures: number;
  /** Every this many members resumes a nearly complete lecture (0: none). */
  resumingEvery: number;
  now: Date;
}

const lectureIdOf = (prefix: string, i: number) => `${prefix}-lecture-${i + 1}`;
const resumes = (n: number, every: number) => every > 0 && n % every === 0;

function lectureDoc(id: string, index: number, committeeId: string, at: string): LectureDoc {
  const kind: LectureKind = index % 4 === 3 ? 'film' : 'micro_lecture';
  return {
    _id: id,
    title: `压测课程 ${index + 1}`,
    speaker: '压测主讲人',
    kind,
    durationS: DURATION_S,
    videoSrc: `/media/bench/${id}.mp4`,
    coverSrc: null,
    summary: '压测数据',
    tags: ['压测'],
    orgIds: [committeeId],
    committeeId,
    quiz: null,
    published: true,
    createdBy: 'bench',
    createdAt: at,
    updatedAt: at,
  };
}

/** Progress of a member who watched to {@link RESUME_AT} a day ago and paused. */
function resumedState(now: Date): ProgressState {
  return {
    ...emptyProgress(),
    intervals: [[0, RESUME_AT]],
    coveredS: RESUME_AT,
    position: RESUME_AT,
    furthest: RESUME_AT,
    lastBeat: { at: now.getTime() - DAY, position: RESUME_AT, session: 'earlier', playing: false },
    rev: 3,
  };
}

/** One committee, its branches and members (bound, with a session), its lectures, and the resumed progress. */
async function seedCommittee(store: Store, spec: SeedSpec): Promise<Seeded> {
  const { prefix, now } = spec;
  const at = now.toISOString();
  const yesterday = new Date(now.getTime() - DAY).toISOString();
  const lectures = Array.from({ length: spec.lectures }, (_, i) => lectureIdOf(prefix, i));
  // The resumed progress of each branch is written in the branch's own transaction.
  const { committeeId, members } = await seedMembers(store, spec, async (tx, branch) => {
    for (const [k, member] of branch.members.entries()) {
      const n = branch.index * spec.perBranch + k;
      if (!resumes(n, spec.resumingEvery)) continue;
      const lectureId = lectures[n % lectures.length];
      await tx.create('lectureProgress', {
        _id: progressId(lectureId, member._id),
        lectureId,
        memberId: member._id,
        name: member.name,
        branchId: member.branchId,
        groupId: member.groupId,
        committeeId: member.committeeId,
        state: resumedState(now),
        quiz: null,
        doneAt: null,
        points: null,
        startedAt: yesterday,
        watchedAt: yesterday,
      });
    }
  });
  for (const [i, id] of lectures.entries()) await store.create('lectures', lectureDoc(id, i, committeeId, at));
  return {
    committeeId,
    lectures,
    branches: spec.branches,
    perBranch: spec.perBranch,
    members: members.map((m, n) => ({
      ...m,
      lecture: n % lectures.length,
      player: `${prefix}-player-${n}`,
      startAt: resumes(n, spec.resumingEvery) ? RESUME_AT : 0,
    })),
  };
}

type SeededFile = SqliteFile & { main: Seeded; warmup: Seeded };

const seedFile = (label: string): Promise<SeededFile> =>
  seedSqliteFile(tempDir(label), async (store, now) => ({
    main: await seedCommittee(store, {
      prefix: 'bench',
      branches: BRANCHES,
      perBranch: PER_BRANCH,
      lectures: LECTURES,
      resumingEvery: RESUMING_EVERY,
      now,
    }),
    warmup: await seedCommittee(store, {
      prefix: 'warm',
      branches: 1,
      perBranch: WARMUP_MEMBERS,
      lectures: 1,
      resumingEvery: 0,
      now,
    }),
  }));

// ---------------------------------------------------------------------------------------------
// Heartbeats over HTTP

/** Request `i` of a round goes to member `k = ⌊i / branches⌋` of branch `i mod branches`: interleaved. */
const memberAt = (seeded: Seeded, i: number): number => interleaved(i, seeded.branches, seeded.perBranch);

const beatBody = (lectureId: string, position: number, session: string) =>
  JSON.stringify({ action: 'heartbeat', data: { id: lectureId, position, playing: true, session } });

interface Round {
  rate: number;
  latency: Latency;
}

interface BeatsOutcome extends BurstFigures {
  /** 200 {ok:true} answers. */
  ok: number;
  /** Beats whose answer says coverage grew. */
  credited: number;
  /** Beats that completed a lecture and posted its award. */
  awards: number;
  awardedPoints: number;
  rounds: Round[];
  /** Per member: acknowledged beats, credited beats, whether an award was posted, the last position sent. */
  acked: Uint16Array;
  creditedBeats: Uint16Array;
  awarded: Uint8Array;
  lastPosition: Float64Array;
}

/** `perMember` rounds of one heartbeat per member of `seeded`, through autocannon, each answer tied to its request. */
async function heartbeats(host: Host, seeded: Seeded, perMember: number): Promise<BeatsOutcome> {
  const count = seeded.members.length;
  const total = count * perMember;
  const firstAt = new Float64Array(count).fill(NaN);
  const lastPosition = new Float64Array(count).fill(NaN);
  const acked = new Uint16Array(count);
  const creditedBeats = new Uint16Array(count);
  const awarded = new Uint8Array(count);
  const headers = seeded.members.map((member) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${member.session}`,
  }));
  let ok = 0;
  let credited = 0;
  let awards = 0;
  let awardedPoints = 0;
  const { figures, t0, latencies, answeredAt } = await timedBurst({
    host,
    path: '/api/lecture',
    amount: total,
    request: (i, now) => {
      const m = memberAt(seeded, i % count);
      const member = seeded.members[m];
      if (Number.isNaN(firstAt[m])) firstAt[m] = now;
      // Seconds since the member's own first beat was sent: never ahead of the wall clock.
      const position = round2(member.startAt + (now - firstAt[m]) / 1000);
      lastPosition[m] = position;
      return { headers: headers[m], body: beatBody(seeded.lectures[member.lecture], position, member.player) };
    },
    onOk: (i, body) => {
      const m = memberAt(seeded, i % count);
      ok++;
      acked[m]++;
      if (body.includes('"credited":true')) {
        credited++;
        creditedBeats[m]++;
      }
      const award = /"awarded":(\d+)/.exec(body);
      if (award) {
        awards++;
        awardedPoints += Number(award[1]);
        awarded[m] = 1;
      }
    },
  });
  // A round ends when as many answers as members have arrived since the previous one ended.
  const rounds: Round[] = [];
  let roundStart = t0;
  for (let r = 0; r < perMember; r++) {
    const end = answeredAt[Math.min(answeredAt.length, (r + 1) * count) - 1] ?? roundStart;
    rounds.push({
      rate: count / ((end - roundStart) / 1000),
      latency: latencyOf(latencies.subarray(r * count, (r + 1) * count)),
    });
    roundStart = end;
  }
  return { ...figures, ok, credited, awards, awardedPoints, rounds, acked, creditedBeats, awarded, lastPosition };
}

// ---------------------------------------------------------------------------------------------
// Checking through the store

interface StoreCheck extends LedgerCheck {
  /** Members whose progress document exists. */
  progress: number;
  /** … whose last beat is the last one sent, from their player. */
  lastBeatStored: number;
  /** Members with coverage beyond where they started, and how many of them had a beat credited. */
  grew: number;
  grewMismatch: number;
  /** Members whose progress is done with points, and how many of them were told of an award. */
  done: number;
  doneMismatch: number;
  ledgerMissing: number;
}

const checkStore = (file: string, seeded: Seeded, outcome: BeatsOutcome): Promise<StoreCheck> =>
  withSqlite(file, async (store) => {
    const check = {
      progress: 0,
      lastBeatStored: 0,
      grew: 0,
      grewMismatch: 0,
      done: 0,
      doneMismatch: 0,
      ledgerMissing: 0,
    };
    for (const [m, member] of seeded.members.entries()) {
      const lectureId = seeded.lectures[member.lecture];
      const doc = await store.get('lectureProgress', progressId(lectureId, member.memberId));
      if (!doc) continue;
      check.progress++;
      const last = doc.state.lastBeat;
      if (last && last.session === member.player && Math.abs(last.position - outcome.lastPosition[m]) < 0.011)
        check.lastBeatStored++;
      const grew = doc.state.coveredS > member.startAt + 1e-6;
      if (grew) check.grew++;
      if (grew !== outcome.creditedBeats[m] > 0) check.grewMismatch++;
      const done = doc.doneAt !== null;
      if (done) check.done++;
      if (done !== (outcome.awarded[m] === 1)) check.doneMismatch++;
      if (outcome.awarded[m] && !(await store.get('ledger', lectureEntryId(lectureId, member.memberId))))
        check.ledgerMissing++;
    }
    return { ...check, ...(await checkLedger(store, seeded.committeeId)) };
  });

// ---------------------------------------------------------------------------------------------
// Stage 1–3: the measured heartbeats

interface Measured {
  seedSeconds: number;
  startMs: number;
  noop: NoopRate;
  warmup: BeatsOutcome;
  run: BeatsOutcome;
  check: StoreCheck;
  load: { before: number[]; after: number[] };
}

async function measuredRun(): Promise<Measured> {
  log(
    `seeding ${n0(MEMBERS)} members in ${BRANCHES} branches, ${LECTURES} lectures of ${DURATION_S} s, every ${RESUMING_EVERY}th member resuming at ${RESUME_AT} s (+ ${n0(WARMUP_MEMBERS)} warm-up members in their own committee)`,
  );
  const seeded = await seedFile('run');
  log(`seeded in ${f2(seeded.seconds)} s (${seeded.file})`);
  const host = await startHost(seeded.dir);
  log(`host ready in ${n0(host.startMs)} ms (pid ${host.child.pid}, port ${host.port})`);
  try {
    const noopResult = await measureNoop(host);
    const warmup = await heartbeats(host, seeded.warmup, WARMUP_BEATS);
    checkWarmup(warmup, 'beats');
    const before = loadavg();
    log(
      `heartbeats: ${n0(REQUESTS)} (${BEATS} per member), ${CONNECTIONS} connections; load average ${loadText(before)}`,
    );
    const run = await heartbeats(host, seeded.main, BEATS);
    const after = loadavg();
    log(
      `heartbeats: ${n0(run.rate)}/s over ${f2(run.seconds)} s; p50 ${f1(run.latency.p50)} ms, p99 ${f1(run.latency.p99)} ms, p99.9 ${f1(run.latency.p999)} ms, max ${f1(run.latency.max)} ms; ${n0(run.credited)} credited, ${n0(run.awards)} awards; load average ${loadText(after)}`,
    );
    await stopHost(host);
    const check = await checkStore(seeded.file, seeded.main, run);
    log(
      `store: ${n0(check.progress)} progress documents (${n0(check.lastBeatStored)} with the last beat sent), ${n0(check.grew)} with coverage grown, ${n0(check.done)} done; ${n0(check.ledger)} ledger entries, ${n0(check.totals)} totals docs; verify: ${check.consistent ? 'totals equal the ledger' : 'TOTALS DIFFER'} (${n0(check.verifiedEntries)} entries)`,
    );
    return {
      seedSeconds: seeded.seconds,
      startMs: host.startMs,
      noop: noopResult,
      warmup,
      run,
      check,
      load: { before, after },
    };
  } finally {
    await stopHost(host);
  }
}

// ---------------------------------------------------------------------------------------------
// Stage 4: document operations per heartbeat, in-process

interface OpCount extends SharedOpCount {
  /** What the heartbeat answered: credited, completed, awarded. */
  answer: string;
}

const total = (row: OpCount) => row.inTx + row.outside;

interface Ops {
  cold: OpCount;
  anchor: OpCount;
  credited: OpCount;
  refused: OpCount;
  completing: OpCount;
  expired: OpCount;
  ledger: number;
  consistent: boolean;
}

async function operationsPerBeat(): Promise<Ops> {
  const base = new SqliteStore({ file: ':memory:' });
  try {
    const now = new Date();
    const seeded = await seedCommittee(base, {
      prefix: 'ops',
      branches: 1,
      perBranch: 100,
      lectures: 1,
      resumingEvery: 10,
      now,
    });
    const lectureId = seeded.lectures[0];
    const trace: Trace = { outside: [], inside: [] };
    let store = new CountingStore(tracing(base, trace));
    const sessions = new Sessions(store);
    // The server's clock, moved by hand: beats 10 s apart without waiting.
    let clockMs = now.getTime();
    const ctx = (openid: string | null): HandlerContext => ({
      openid,
      store,
      clock: () => new Date(clockMs),
      files: refusingFiles('a heartbeat uses no files'),
      newId: () => newId(clockMs),
    });
    /** What the host does for one POST /api/lecture: resolve the session, then run the action. */
    const beat = async (member: Watcher, position: number, label: string, player = member.player): Promise<OpCount> => {
      let answer = '';
      const row = await countOperations(store, trace, label, async () => {
        const openid = await sessions.resolve(`Bearer ${member.session}`);
        const result = await functions.lecture(
          { action: 'heartbeat', data: { id: lectureId, position, playing: true, session: player } },
          ctx(openid),
        );
        if (!result.ok) throw new Error(`in-process heartbeat refused: ${JSON.stringify(result.error)}`);
        const data = result.data as { credited: boolean; completed: boolean; awarded: number | null; coveredS: number };
        answer = `credited ${data.credited}, coveredS ${data.coveredS}, completed ${data.completed}, awarded ${data.awarded}`;
      });
      return { ...row, answer };
    };
    /** The member opened the lecture page first: their session and who they are are known to the process. */
    const known = async (member: Watcher) => {
      await sessions.resolve(`Bearer ${member.session}`);
      await boundMember(ctx(member.openid), member.openid);
    };
    const [first, ordinary, other, resuming] = [1, 2, 3, 10].map((n) => seeded.members[n]);
    if (resuming.startAt !== RESUME_AT) throw new Error('ops seed: member 10 should resume');

    const cold = await beat(first, 0, 'cold: first beat of the process (session, member and lecture read)');
    await known(ordinary);
    const anchor = await beat(ordinary, 0, 'anchor: first beat of a member the process knows');
    clockMs += 10_000;
    const credited = await beat(ordinary, 10, 'credited: the next beat, 10 s later, 10 s further');
    clockMs += 2_000;
    const refused = await beat(
      ordinary,
      3,
      'refused: a second player of the member while the first plays',
      'second-player',
    );
    await known(resuming);
    await beat(resuming, RESUME_AT, 'anchor of the resuming member');
    clockMs += 10_000;
    const completing = await beat(resuming, RESUME_AT + 10, 'completing: reaches 90 % and posts the award');
    // Who an openid is stays cached 30 s from when it was read: a fresh cache (another store
    // object) shows what a beat costs when it has expired. The lecture is cached there first by
    // another member's beat, and the session stays known (sessions are cached for good).
    store = new CountingStore(tracing(base, trace));
    await known(other);
    await beat(other, 0, 'warms the fresh cache');
    clockMs += 10_000;
    const expired = await beat(
      ordinary,
      30,
      `member cache expired: a beat more than ${MEMBER_CACHE_S} s after who the member is was read`,
    );
    if (!credited.answer.startsWith('credited true'))
      throw new Error(`in-process beat not credited: ${credited.answer}`);
    if (!completing.answer.endsWith('awarded 1'))
      throw new Error(`in-process completion not awarded: ${completing.answer}`);
    if (!expired.answer.startsWith('credited true')) throw new Error(`in-process beat not credited: ${expired.answer}`);
    const { ledger, consistent } = await checkLedger(base, seeded.committeeId);
    return { cold, anchor, credited, refused, completing, expired, ledger, consistent };
  } finally {
    base.close();
  }
}

// ---------------------------------------------------------------------------------------------
// --profile: heartbeats against a host started with --cpu-prof, and its hot spots

async function profiledRun(): Promise<{ outcome: BeatsOutcome; summary: string[] }> {
  log('profile: fresh seed, host started with --cpu-prof');
  const seeded = await seedFile('profile');
  return profiled(seeded.dir, async (host) => {
    await heartbeats(host, seeded.warmup, WARMUP_BEATS);
    const outcome = await heartbeats(host, seeded.main, BEATS);
    log(
      `profiled run: ${n0(outcome.rate)} beats/s, p50 ${f1(outcome.latency.p50)} ms, p99 ${f1(outcome.latency.p99)} ms (profiler overhead included)`,
    );
    return outcome;
  });
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<boolean> {
  const load = loadavg();
  printHeading('Lecture heartbeats against the local host', load);
  const measured = await measuredRun();
  const ops = await operationsPerBeat();
  const rows = [ops.cold, ops.anchor, ops.credited, ops.refused, ops.completing, ops.expired];
  for (const row of rows) log(`${operationsText(row)} → ${row.answer}`);
  const profiled = PROFILE ? await profiledRun() : null;

  const r = measured.run;
  const c = measured.check;
  const expectedAwards = measured.run.acked.reduce(
    (n, beats, m) => n + (beats >= 2 && m % RESUMING_EVERY === 0 ? 1 : 0),
    0,
  );
  const runOk =
    r.refused === 0 &&
    r.errors === 0 &&
    r.timeouts === 0 &&
    r.non2xx === 0 &&
    r.ok === REQUESTS &&
    c.progress === MEMBERS &&
    c.lastBeatStored === MEMBERS &&
    c.grewMismatch === 0 &&
    c.doneMismatch === 0 &&
    c.done === r.awards &&
    c.ledger === r.awards &&
    c.ledgerMissing === 0 &&
    c.verifiedEntries === r.awards &&
    c.consistent;
  const opsOk = ops.ledger === 1 && ops.consistent;
  const oneTx = [ops.anchor, ops.credited, ops.refused, ops.completing].every(
    (row) => row.transactions === 1 && row.attempts === 1,
  );
  const amortised = 2 / (MEMBER_CACHE_S / CLIENT_INTERVAL_S);

  console.log('\n### Summary');
  console.log(
    `seeding                  ${f2(measured.seedSeconds)} s (${n0(MEMBERS + WARMUP_MEMBERS)} members, bindings and sessions, ${LECTURES + 1} lectures, ${n0(MEMBERS / RESUMING_EVERY)} resumed progress docs)`,
  );
  console.log(startupLine(measured.startMs));
  console.log(
    `load average             ${loadText(load)} at start; ${loadText(measured.load.before)} before the heartbeats, ${loadText(measured.load.after)} after`,
  );
  console.log(noopLine(measured.noop));
  console.log(
    `heartbeats               ${n0(r.requests)} requests (${BEATS} per member × ${n0(MEMBERS)}) in ${f2(r.seconds)} s → ${n0(r.rate)} beats/s (${((r.rate / measured.noop.rate) * 100).toFixed(1)}% of the no-op rate)`,
  );
  for (const line of latencyLines('heartbeat', r)) console.log(line);
  for (const [i, round] of r.rounds.entries())
    console.log(
      `  round ${i + 1}${i === 0 ? ' (first beats)' : '              '} ${n0(round.rate)} beats/s, p50 ${f1(round.latency.p50)} ms, p99 ${f1(round.latency.p99)} ms, p99.9 ${f1(round.latency.p999)} ms`,
    );
  for (const line of timingLines('heartbeat', r)) console.log(line);
  console.log(
    `answers                  ${n0(r.ok)} × 200 ok: ${n0(r.credited)} credited, ${n0(r.ok - r.credited)} not credited (anchors: first beats and resumptions), ${n0(r.awards)} completed with an award (${n0(r.awardedPoints)} points; ${n0(expectedAwards)} expected); ${r.refused} refused, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx; status codes ${JSON.stringify(r.statusCodes)}`,
  );
  if (r.firstRefusals.length) console.log(refusalsLine(r));
  console.log(
    `store after the run      ${n0(c.progress)} of ${n0(MEMBERS)} progress docs (${n0(c.lastBeatStored)} hold the last beat sent); coverage grew for ${n0(c.grew)} (${c.grewMismatch} disagree with the answers); ${n0(c.done)} done, ${n0(c.ledger)} ledger entries (${c.doneMismatch + c.ledgerMissing} disagree); verify: ${c.consistent ? `totals equal the ledger (${n0(c.verifiedEntries)} entries)` : `TOTALS DIFFER ${JSON.stringify(c.differences)}`}`,
  );
  for (const row of rows) console.log(opsLine(row));
  console.log(
    `  one transaction each   ${oneTx ? 'yes, each at its first attempt' : 'NO'} (anchor, credited, refused, completing)`,
  );
  console.log(
    `  member cache: who an openid is is re-read (binding + member) ${MEMBER_CACHE_S} s after it was read, however often it is used: at one beat per ${CLIENT_INTERVAL_S} s that adds ≈ ${f2(amortised)} reads per beat on average`,
  );
  console.log('');
  console.log(
    `correctness: run ${runOk ? `ok (${n0(REQUESTS)} acknowledged, stored; awards on the ledger; totals equal the ledger)` : 'FAILED'}; in-process ${opsOk ? 'ok (one award, totals equal the ledger)' : 'FAILED'}`,
  );
  console.log(`load average at end ${loadText(loadavg())}`);

  if (profiled) {
    console.log('\n### Host profile during the heartbeats (--cpu-prof; the figures of that run include the profiler)');
    console.log(`profiled run: ${n0(profiled.outcome.rate)} beats/s, p99 ${f1(profiled.outcome.latency.p99)} ms`);
    for (const line of profiled.summary) console.log(line);
  }

  const snippet = readmeSnippet(
    [
      `Lecture heartbeats (\`npm run bench -- --heartbeat-only\`): ${n0(MEMBERS)} members watching four lectures, ${BEATS} beats each round-robin (position never ahead of the wall clock), ` +
        `against the local host (SQLite, WAL) from a separate process (autocannon, ${CONNECTIONS} connections); ${cpus().length} cores, load average ${loadText(measured.load.before)}.`,
    ],
    [
      ['heartbeats per second', `${n0(r.rate)} (no-op route of the same host: ${n0(measured.noop.rate)} req/s)`],
      [
        'latency',
        `p50 ${f1(r.latency.p50)} ms, p99 ${f1(r.latency.p99)} ms, p99.9 ${f1(r.latency.p999)} ms, max ${f1(r.latency.max)} ms`,
      ],
      [
        'answers',
        `${n0(r.ok)} ok (${n0(r.credited)} credited, ${n0(r.awards)} completions with an award), ${r.refused + r.errors + r.non2xx} errors`,
      ],
      [
        'database operations per heartbeat',
        `${total(ops.credited)} (the player and progress documents read, the progress written, one transaction); completing beat ${total(ops.completing)} (the award: ledger and totals); refused ${total(ops.refused)}; + ${ops.expired.outside} reads outside when the member cache has expired (every ${MEMBER_CACHE_S} s)`,
      ],
    ],
  );
  console.log(`\n${snippet.join('\n')}`);
  return runOk && opsOk;
}

runBench(main, KEEP);
