// `npx tsx scripts/bench-points.ts`: the points ledger at committee scale, on the SQLite adapter.
// A benchmark, not a test: it prints figures and asserts nothing.
//
//  1. generates, in a fresh SQLite file under the OS temp dir, one committee with 1,000 branches,
//     100,000 members and 5,000,000 ledger entries over one China-time year, plus the totals docs
//     the ledger implies (built with `applyEntry`), written through the store's bulk loader;
//  2. measures, through `functions.points` and the real SqliteStore: a branch ranking (month,
//     quarter, year) as the branch's secretary, a member's `mine` (page 1, last page, page 50), the
//     branch's `entries` (page 1, page 50), a full `verify` as the committee's admin, and the file size.
//
// Flags:
//   --quick          small (CI: the bench still runs): 10 branches, 1,000 members, 50,000 entries, 10 runs
//   --keep           keep the database file (its path is printed)
//   --db <file>      use this file: generate into it if it does not exist, reuse it if it does (kept)
//   --runs <n>       measured runs per query (default 200; 10 with --quick)
//   --verify-runs <n> full verify runs (default 1)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { functions } from '../core/functions';
import type { MemberDoc } from '../core/roster/documents';
import { reversalId, type LedgerDoc } from '../core/points/ledger';
import type { Periods } from '../core/points/periods';
import { periodsOf } from '../core/points/periods';
import {
  applyEntry,
  branchTotalsId,
  emptyTotals,
  memberTotalsId,
  newlyJoined,
  type TotalsDoc,
} from '../core/points/totals';
import type { HandlerContext } from '../core/runtime/context';
import { newId } from '../core/runtime/ids';
import type { Collections } from '../core/shared/collections';
import { SqliteStore } from '../core/store/sqlite';
import {
  args,
  f1,
  f2,
  loadText,
  log,
  mib,
  n0,
  percentile,
  printHeading,
  QUICK,
  readmeSnippet,
  runBench,
  tempDir,
} from './bench-support';

// ---------------------------------------------------------------------------------------------
// Options

const BRANCHES = QUICK ? 10 : 1000;
const MEMBERS_PER_BRANCH = 100;
const ENTRIES_PER_MEMBER = 50;
const MEMBERS = BRANCHES * MEMBERS_PER_BRANCH;
const ENTRIES = MEMBERS * ENTRIES_PER_MEMBER;
const RUNS = args.count('--runs', QUICK ? 10 : 200);
const WARMUP = Math.max(5, Math.round(RUNS / 10));
const VERIFY_RUNS = args.count('--verify-runs', 1, 0);
const DB_OPTION = args.option('--db');
const KEEP = args.flag('--keep') || DB_OPTION !== undefined;

/** The year the ledger covers (China time), and the moment the measured requests happen in it. */
const YEAR = 2025;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;
const YEAR_START = Date.UTC(YEAR, 0, 1) - CHINA;
const YEAR_END = Date.UTC(YEAR + 1, 0, 1) - CHINA;
const NOW = new Date(Date.UTC(YEAR, 11, 31, 10, 0, 0)); // 2025-12-31 18:00 in China
const IMPORTED = new Date(Date.UTC(YEAR - 1, 11, 20, 2, 0, 0)).getTime();

const COMMITTEE = 'org-committee';
const branchId = (b: number) => `org-branch-${String(b + 1).padStart(4, '0')}`;
/** The measured branch: in the middle (the org tree is read with one query of at most 1000 orgs). */
const BRANCH = Math.floor(BRANCHES / 2);
const SECRETARY = 'bench-secretary';
const MEMBER_OPENID = 'bench-member';
const ADMIN = 'bench-admin';

// ---------------------------------------------------------------------------------------------
// Deterministic data

/** mulberry32: a small seeded generator, so that every run builds the same data. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20251231);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** `n` base64url characters derived from `key` alone (splitmix-style), e.g. a request id that can be recomputed. */
function hashChars(key: number, n: number): string {
  let x = BigInt(key) * 0x9e3779b97f4a7c15n + 0x632be59bd9b4e019n;
  let out = '';
  while (out.length < n) {
    x = (x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n;
    x &= 0xffffffffffffffffn;
    x = (x ^ (x >> 27n)) * 0x94d049bb133111ebn;
    x &= 0xffffffffffffffffn;
    x ^= x >> 31n;
    for (let i = 0; i < 10 && out.length < n; i++) out += B64[Number((x >> BigInt(i * 6)) & 63n)];
  }
  return out;
}
/** A 20-character id shaped like `newId` (time prefix + random part), but reproducible. */
const idAt = (time: number, key: number) => time.toString(36).padStart(9, '0') + hashChars(key, 11);

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国志文德海波宁辉鹏飞斌宇浩然欣怡梓涵雨轩子墨佳琪思远立新永刚春花海涛卫东雪梅晓燕淑珍宏伟俊杰玉兰凡荣桂兰德胜',
];
const memberName = () => pick(SURNAMES) + pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : '');
const CN_DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 101 → 一百零一, 1000 → 一千: for branch names like 第一百零一党支部. */
function chineseNumber(n: number): string {
  if (n === 10) return '十';
  const units = ['', '十', '百', '千'];
  const digits = [...String(n)].map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && out === '' ? '' : CN_DIGITS[d]) + unit;
    }
  });
  return out;
}

/** The rules the generated entries use: the defaults' code, name, kind and value. */
const RULES = [
  { code: 'org_life', name: '参加组织生活', kind: 'bonus', value: 2, source: 'activity', reason: '参加主题党日活动' },
  { code: 'lecture', name: '学习微党课', kind: 'bonus', value: 1, source: 'lecture', reason: '学习微党课' },
  { code: 'volunteer', name: '参加志愿服务', kind: 'bonus', value: 3, source: 'hand', reason: '社区志愿服务' },
  { code: 'absence', name: '无故缺席组织生活', kind: 'deduction', value: -2, source: 'activity', reason: '无故缺席' },
  { code: 'shirk', name: '推诿任务', kind: 'deduction', value: -3, source: 'hand', reason: '推诿支部分配的任务' },
] as const;
const [ORG_LIFE, LECTURE, VOLUNTEER, ABSENCE, SHIRK] = [0, 1, 2, 3, 4];
const REVERSAL = 255;
const WEEKS = 52;

/** China-time periods of an instant; equal to `periodsOf` (checked on a sample), without dayjs. */
const periodCache = new Map<number, Periods>();
function periodsAt(ms: number): Periods {
  const d = new Date(ms + CHINA);
  const key = d.getUTCFullYear() * 12 + d.getUTCMonth();
  let periods = periodCache.get(key);
  if (!periods) {
    const year = d.getUTCFullYear();
    const month = String(d.getUTCMonth() + 1).padStart(2, '0');
    const quarter = String(Math.floor(d.getUTCMonth() / 3) + 1);
    periods = {
      year,
      month,
      quarter,
      monthKey: `${year}-${month}`,
      quarterKey: `${year}-Q${quarter}`,
      yearKey: String(year),
    };
    periodCache.set(key, periods);
  }
  return periods;
}

// ---------------------------------------------------------------------------------------------
// Measuring

const ms = (ns: bigint) => Number(ns) / 1e6;

interface Timing {
  median: number;
  p95: number;
  min: number;
}

async function time(work: () => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await work();
    samples.push(ms(process.hrtime.bigint() - t0));
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), min: samples[0] };
}

// ---------------------------------------------------------------------------------------------
// Generation

interface Generated {
  ledger: number;
  indexes: number;
  total: number;
}

/** The fast period function must agree with the real one: on a sample, and at the year's edges. */
function checkPeriods(): void {
  const sample = generator(1);
  const instants = [YEAR_START, YEAR_END - 1, YEAR_START - 1, YEAR_END];
  for (let i = 0; i < 1000; i++)
    instants.push(YEAR_START - DAY + Math.floor(sample() * (YEAR_END - YEAR_START + 2 * DAY)));
  for (const at of instants)
    if (JSON.stringify(periodsAt(at)) !== JSON.stringify(periodsOf(new Date(at))))
      throw new Error(`period mismatch at ${new Date(at).toISOString()}`);
}

function generate(file: string): Generated {
  checkPeriods();
  const t0 = process.hrtime.bigint();
  let store = new SqliteStore({ file });
  // Bulk load: no journal, no fsync, a big page cache, the indexes of the big collections dropped;
  // reopening the store afterwards creates every declared index again.
  const loader = store.bulkLoad(['ledger', 'pointTotals', 'members']);
  // The versions come from the seeded generator too, so that every run writes the same file.
  const put = <K extends keyof Collections & string>(collection: K, doc: Collections[K]) =>
    loader.insert(collection, doc, between(1, 2 ** 47));

  // Orgs, members, the measured roles and bindings.
  const importedAt = new Date(IMPORTED).toISOString();
  const members: Array<{ _id: string; name: string; branchId: string }> = [];
  loader.batch(() => {
    put('orgs', {
      _id: COMMITTEE,
      name: '示范党委',
      kind: 'committee',
      parentId: null,
      committeeId: COMMITTEE,
      createdAt: importedAt,
    });
    for (let b = 0; b < BRANCHES; b++)
      put('orgs', {
        _id: branchId(b),
        name: `第${chineseNumber(b + 1)}党支部`,
        kind: 'branch',
        parentId: COMMITTEE,
        committeeId: COMMITTEE,
        createdAt: new Date(IMPORTED + (b + 1) * 1000).toISOString(),
      });
    for (let m = 0; m < MEMBERS; m++) {
      const b = Math.floor(m / MEMBERS_PER_BRANCH);
      const createdAt = new Date(IMPORTED + 3_600_000 + m * 37).toISOString();
      const joinedYear = between(1975, 2024);
      const probationary = joinedYear === 2024 && random() < 0.5;
      const joinedAt = `${joinedYear}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
      const doc: MemberDoc = {
        _id: idAt(IMPORTED + 3_600_000 + m * 37, m),
        name: memberName(),
        phone: `1${between(3, 9)}${String(between(0, 999_999_999)).padStart(9, '0')}`,
        partyStatus: probationary ? 'probationary' : 'full',
        joinedAt,
        fullAt: probationary ? null : `${joinedYear + 1}${joinedAt.slice(4)}`,
        committeeId: COMMITTEE,
        branchId: branchId(b),
        groupId: null,
        status: 'active',
        inactiveReason: null,
        openid: null,
        externalOrg: null,
        history: [{ at: createdAt, action: 'imported', note: '花名册导入' }],
        createdAt,
        updatedAt: createdAt,
      };
      if (b === BRANCH && m % MEMBERS_PER_BRANCH === 0) doc.openid = SECRETARY;
      if (b === BRANCH && m % MEMBERS_PER_BRANCH === 1) doc.openid = MEMBER_OPENID;
      put('members', doc);
      members.push({ _id: doc._id, name: doc.name, branchId: doc.branchId });
    }
    const at = importedAt;
    const secretary = members[BRANCH * MEMBERS_PER_BRANCH];
    const member = members[BRANCH * MEMBERS_PER_BRANCH + 1];
    put('bindings', { _id: SECRETARY, memberId: secretary._id, at });
    put('bindings', { _id: MEMBER_OPENID, memberId: member._id, at });
    for (const [openid, orgId, role] of [
      [SECRETARY, branchId(BRANCH), 'secretary'],
      [ADMIN, COMMITTEE, 'admin'],
    ] as const)
      put('roles', {
        _id: `${openid}:${orgId}:${role}`,
        openid,
        orgId,
        role,
        grantedBy: 'bench',
        at,
      });
  });

  // The ledger, planned compactly first (5M entries as typed arrays), then written in time order,
  // as a live system appends it: a member's entries end up scattered over the table.
  const atMs = new Float64Array(ENTRIES);
  const owner = new Int32Array(ENTRIES);
  const rule = new Uint8Array(ENTRIES);
  const ref = new Int32Array(ENTRIES); // activity week, lesson week, or the reversed entry
  // Each branch holds a weekly 主题党日 (organisational life); the committee publishes a weekly 微党课.
  const activityAt = (b: number, week: number) =>
    YEAR_START + week * 7 * DAY + ((b * 7 + week * 3) % 6) * DAY + 14 * HOUR + ((b * 13 + week) % 8) * 15 * 60_000;
  const lessonAt = (week: number) => YEAR_START + week * 7 * DAY + 9 * HOUR;
  const weeks = Array.from({ length: WEEKS }, (_, i) => i);
  let n = 0;
  const add = (m: number, r: number, at: number, reference: number) => {
    atMs[n] = Math.min(at, YEAR_END - 1000);
    owner[n] = m;
    rule[n] = r;
    ref[n] = reference;
    return n++;
  };
  for (let m = 0; m < MEMBERS; m++) {
    const b = Math.floor(m / MEMBERS_PER_BRANCH);
    const reversals = random() < 0.6 ? 0 : random() < 0.75 ? 1 : 2;
    const absences = random() < 0.7 ? 0 : random() < 0.73 ? 1 : 2;
    const shirks = random() < 0.95 ? 0 : 1;
    const volunteers = between(2, 8);
    const lectures = between(8, 16);
    const orgLife = ENTRIES_PER_MEMBER - reversals - absences - shirks - volunteers - lectures;
    // Distinct activity weeks: the first `orgLife` attended, the next `absences` missed.
    for (let i = 0; i < orgLife + absences; i++) {
      const j = i + Math.floor(random() * (WEEKS - i));
      [weeks[i], weeks[j]] = [weeks[j], weeks[i]];
      if (i < orgLife) add(m, ORG_LIFE, activityAt(b, weeks[i]) + between(0, 30) * 60_000, weeks[i]);
      else add(m, ABSENCE, activityAt(b, weeks[i]) + DAY, weeks[i]);
    }
    for (let i = 0; i < lectures; i++) {
      const j = i + Math.floor(random() * (WEEKS - i));
      [weeks[i], weeks[j]] = [weeks[j], weeks[i]];
      add(m, LECTURE, lessonAt(weeks[i]) + between(0, 6 * 24 * 60) * 60_000, weeks[i]);
    }
    const first = n;
    for (let i = 0; i < volunteers; i++)
      add(m, VOLUNTEER, YEAR_START + between(0, 364) * DAY + between(8, 18) * HOUR, 0);
    for (let i = 0; i < shirks; i++) add(m, SHIRK, YEAR_START + between(0, 364) * DAY + between(8, 18) * HOUR, 0);
    // Reversals of hand-recorded entries (distinct ones), a few hours to a few days later.
    for (let i = 0; i < reversals; i++) {
      const original = first + i;
      add(m, REVERSAL, atMs[original] + between(1, 72) * HOUR, original);
    }
  }
  if (n !== ENTRIES) throw new Error(`planned ${n} entries, expected ${ENTRIES}`);

  // Time order: sort keys `second-of-year * 2^23 + index` (exact in a double), numerically.
  const order = new Float64Array(ENTRIES);
  for (let i = 0; i < ENTRIES; i++) order[i] = Math.floor((atMs[i] - YEAR_START) / 1000) * 2 ** 23 + i;
  order.sort();

  // Activities and lessons were created a few days before they took place.
  const activityIds = Array.from({ length: BRANCHES * WEEKS }, (_, k) =>
    idAt(activityAt(Math.floor(k / WEEKS), k % WEEKS) - 3 * DAY, 1e7 + k),
  );
  const lessonIds = Array.from({ length: WEEKS }, (_, week) => idAt(lessonAt(week) - 7 * DAY, 2e7 + week));
  const activityId = (m: number, week: number) => activityIds[Math.floor(m / MEMBERS_PER_BRANCH) * WEEKS + week];
  const lessonId = (week: number) => lessonIds[week];
  const idOf = (i: number): string => {
    const member = members[owner[i]];
    switch (rule[i]) {
      case ORG_LIFE:
        return `activity:${activityId(owner[i], ref[i])}:${member._id}`;
      case ABSENCE:
        return `absence:${activityId(owner[i], ref[i])}:${member._id}`;
      case LECTURE:
        return `lecture:${lessonId(ref[i])}:${member._id}`;
      case REVERSAL:
        return reversalId(idOf(ref[i]));
      default:
        return `hand:${hashChars(3e7 + i, 16)}:${member._id}`;
    }
  };
  const secretaryOf = (m: number) => `osec${hashChars(4e7 + Math.floor(m / MEMBERS_PER_BRANCH), 24)}`;

  const totals = new Map<string, TotalsDoc>();
  const BATCH = 100_000;
  let written = 0;
  const writeBatch = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const i = order[k] % 2 ** 23;
      const m = owner[i];
      const member = members[m];
      const reversed = rule[i] === REVERSAL ? ref[i] : -1;
      const base = RULES[rule[reversed >= 0 ? reversed : i]];
      const at = atMs[i];
      const periods = periodsAt(at);
      const entry: LedgerDoc = {
        _id: idOf(i),
        memberId: member._id,
        memberName: member.name,
        branchId: member.branchId,
        committeeId: COMMITTEE,
        rule: base.code,
        ruleName: base.name,
        kind: base.kind,
        value: reversed >= 0 ? -base.value : base.value,
        reason: reversed >= 0 ? '录入有误，予以冲正' : base.reason,
        source: reversed >= 0 ? 'reversal' : base.source,
        recordedBy: reversed >= 0 || base.source === 'hand' ? secretaryOf(m) : null,
        at: new Date(at).toISOString(),
        year: periods.year,
        monthKey: periods.monthKey,
        quarterKey: periods.quarterKey,
        reverses: reversed >= 0 ? idOf(reversed) : null,
      };
      put('ledger', entry);
      const mId = memberTotalsId(member._id, periods.year);
      const bId = branchTotalsId(member.branchId, periods.year);
      const mt = totals.get(mId) ?? emptyTotals('member', member._id, member.branchId, COMMITTEE, periods.year);
      const bt = totals.get(bId) ?? emptyTotals('branch', member.branchId, member.branchId, COMMITTEE, periods.year);
      totals.set(mId, applyEntry(mt, entry, periods));
      totals.set(bId, applyEntry(bt, entry, periods, newlyJoined(mt, entry, periods)));
    }
  };
  for (let from = 0; from < ENTRIES; from += BATCH) {
    loader.batch(() => writeBatch(from, Math.min(ENTRIES, from + BATCH)));
    written = Math.min(ENTRIES, from + BATCH);
    if (written % 1_000_000 === 0 || written === ENTRIES) log(`ledger ${n0(written)} / ${n0(ENTRIES)}`);
  }
  loader.batch(() => {
    for (const doc of totals.values()) put('pointTotals', doc);
  });
  const tLedger = process.hrtime.bigint();
  log(`rows written (${n0(totals.size)} totals docs); creating the declared indexes`);
  void store.close();

  // Reopening the adapter creates every index of `COLLECTIONS` (CREATE INDEX IF NOT EXISTS).
  store = new SqliteStore({ file });
  store.checkpoint('TRUNCATE');
  void store.close();
  const tEnd = process.hrtime.bigint();
  return { ledger: ms(tLedger - t0) / 1000, indexes: ms(tEnd - tLedger) / 1000, total: ms(tEnd - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Main

/** Generates (or reuses) the data set, measures, prints; false when `verify` finds the totals differ from the ledger. */
async function main(file: string): Promise<boolean> {
  const load = loadavg();
  printHeading(`Points ledger at scale (SQLite adapter)${QUICK ? ' — QUICK (1/100 of the data)' : ''}`, load);

  let generation: Generated | null = null;
  if (existsSync(file)) log(`reusing ${file}`);
  else {
    log(`generating ${n0(BRANCHES)} branches, ${n0(MEMBERS)} members, ${n0(ENTRIES)} entries into ${file}`);
    // In a child process: the generator leaves gigabytes of garbage behind, and collecting it
    // during the measurements would show up in their tails.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1], '--generate-only', '--db', file, ...(QUICK ? ['--quick'] : [])],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) throw new Error(`generation failed (exit ${child.status})`);
    generation = JSON.parse(readFileSync(`${file}.generation.json`, 'utf8')) as Generated;
    log(`generated in ${f1(generation.total)} s`);
  }

  const store = new SqliteStore({ file });
  const ctx = (openid: string): HandlerContext => ({
    openid,
    store,
    clock: () => NOW,
    files: {
      read: async () => Buffer.alloc(0),
      publish: async (name) => ({ fileID: name, url: name }),
      shareMedia: async (fileID) => fileID,
    },
    newId: () => newId(NOW.getTime()),
  });
  const call = async (openid: string, action: string, data?: unknown) => {
    const result = (await functions.points({ action, data }, ctx(openid))) as {
      ok: boolean;
      data?: unknown;
      error?: unknown;
    };
    if (!result.ok) throw new Error(`points.${action} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const orgId = branchId(BRANCH);
  const counts = {
    ledger: await store.count('ledger'),
    members: await store.count('members'),
    totals: await store.count('pointTotals'),
  };
  log(`store: ${n0(counts.members)} members, ${n0(counts.ledger)} entries, ${n0(counts.totals)} totals docs`);
  const ranked = (await call(SECRETARY, 'ranking', { orgId, period: 'year' })) as { items: unknown[] };
  const firstPage = (await call(MEMBER_OPENID, 'mine', { page: 1 })) as { entries: unknown[]; rank: number | null };
  log(
    `sanity: ranking lists ${ranked.items.length} members; mine page 1 has ${firstPage.entries.length} entries, rank ${firstPage.rank}`,
  );

  const rows: Array<[string, Timing]> = [];
  const measure = async (label: string, work: () => Promise<unknown>) => {
    const timing = await time(work);
    rows.push([label, timing]);
    log(`${label}: median ${f2(timing.median)} ms, p95 ${f2(timing.p95)} ms`);
  };
  for (const period of ['month', 'quarter', 'year'] as const)
    await measure(`ranking ${period} (branch of ${MEMBERS_PER_BRANCH}, secretary)`, () =>
      call(SECRETARY, 'ranking', { orgId, period }),
    );
  for (const period of ['month', 'quarter'] as const)
    await measure(`committee ranking of ${BRANCHES} branches (季度赛马), ${period}`, () =>
      call(ADMIN, 'branchRanking', { period }),
    );
  const lastPage = Math.ceil(ENTRIES_PER_MEMBER / 20);
  for (const page of [1, lastPage, 50])
    await measure(`mine page ${page} (20 per page${page * 20 > ENTRIES_PER_MEMBER + 20 ? ', past the end' : ''})`, () =>
      call(MEMBER_OPENID, 'mine', { page }),
    );
  for (const page of [1, 50])
    await measure(`entries of the branch, page ${page} (20 per page)`, () =>
      call(SECRETARY, 'entries', { orgId, page, pageSize: 20 }),
    );

  const verifyTimes: number[] = [];
  let verified: { consistent: boolean; entries: number } | null = null;
  for (let i = 0; i < VERIFY_RUNS; i++) {
    const t0 = process.hrtime.bigint();
    verified = (await call(ADMIN, 'verify')) as { consistent: boolean; entries: number };
    verifyTimes.push(ms(process.hrtime.bigint() - t0) / 1000);
    log(`verify: ${f1(verifyTimes[i])} s, ${n0(verified.entries)} entries, consistent: ${verified.consistent}`);
  }
  verifyTimes.sort((a, b) => a - b);
  const verifySeconds = verifyTimes.length ? percentile(verifyTimes, 0.5) : null;
  const entriesPerSecond = verified && verifySeconds ? Math.round(verified.entries / verifySeconds) : 0;
  const memory = process.memoryUsage();
  store.checkpoint('PASSIVE');
  const sizes = store.fileSizes();
  await store.close();
  const loadEnd = loadavg();

  // The table.
  console.log('');
  console.log(`| measure (median of ${RUNS} after ${WARMUP} warm-up runs) | median | p95 | min |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [label, t] of rows) console.log(`| ${label} | ${f2(t.median)} ms | ${f2(t.p95)} ms | ${f2(t.min)} ms |`);
  if (verifySeconds !== null)
    console.log(
      `| verify, whole committee (${verifyTimes.length} run${verifyTimes.length > 1 ? 's' : ''}) | ${f1(verifySeconds)} s | | |`,
    );
  console.log('');
  if (verifySeconds !== null)
    console.log(
      `verify: ${f1(verifySeconds)} s, ${n0(entriesPerSecond)} entries/s, consistent: ${verified?.consistent}`,
    );
  console.log(`memory after: heap used ${mib(memory.heapUsed)}, rss ${mib(memory.rss)}`);
  console.log(`database: ${mib(sizes.db)} (+ wal ${mib(sizes.wal)}, shm ${mib(sizes.shm)})`);
  if (generation)
    console.log(
      `generation: ${f1(generation.total)} s (rows and totals ${f1(generation.ledger)} s, declared indexes ${f1(generation.indexes)} s)`,
    );
  console.log(`load average at end ${loadText(loadEnd)}`);

  // The README snippet.
  const scale = `${n0(BRANCHES)} branches, ${n0(MEMBERS)} members, ${n0(ENTRIES)} ledger entries`;
  const figures: Array<[string, string]> = rows.map(([label, t]) => [
    label,
    `${f2(t.median)} ms median (p95 ${f2(t.p95)} ms)`,
  ]);
  if (verifySeconds !== null)
    figures.push([
      'full `verify` (every total recomputed from the ledger)',
      `${f1(verifySeconds)} s (${n0(entriesPerSecond)} entries/s)`,
    ]);
  figures.push(['database file', `${mib(sizes.db)} (+ ${mib(sizes.wal)} WAL)`]);
  if (generation) figures.push(['generating the data set', `${n0(generation.total)} s`]);
  const snippet = readmeSnippet(
    [
      `Points at scale (\`npm run bench -- --points-only\`): SQLite adapter, one committee with ${scale}`,
      `over one year; ${cpus().length} cores, load average ${load[0].toFixed(1)} at start.`,
    ],
    figures,
  );
  console.log(`\n${snippet.join('\n')}`);
  return verified?.consistent ?? true;
}

if (args.flag('--generate-only')) {
  const file = DB_OPTION as string;
  runBench(
    async () => {
      writeFileSync(`${file}.generation.json`, JSON.stringify(generate(file)));
      return true;
    },
    true,
    { finalLine: false },
  );
} else {
  const file = DB_OPTION ?? join(tempDir('zhibu-bench-points'), 'points.sqlite');
  runBench(async () => {
    const ok = await main(file);
    if (KEEP) console.log(`\nkept ${file} (and ${file}.generation.json)`);
    return ok;
  }, KEEP);
}
