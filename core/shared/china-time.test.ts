import { spawnSync } from 'node:child_process';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { join } from 'node:path';
import { chinaDate, inChina } from './china-time';
import { partyYears } from './party-years';

/**
 * Jest gives each test file a copy of `process.env`, so setting TZ here would not reach V8's
 * time-zone handling. To run the code with the *process* in another zone, run it in a child
 * Node process started with that TZ (through tsx, which loads the TypeScript source).
 */
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runInZone(
  zone: string,
  instants: string[],
): { zone: string; localHours: number[]; china: string[]; chinaClock: string[] } {
  const script = `
    import { chinaDate, inChina } from './core/shared/china-time';
    const instants = ${JSON.stringify(instants)};
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      localHours: instants.map((i) => new Date(i).getHours()),
      china: instants.map((i) => chinaDate(new Date(i))),
      chinaClock: instants.map((i) => inChina(new Date(i)).format('YYYY-MM-DD HH:mm')),
    }));`;
  const child = spawnSync(process.execPath, [TSX, '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.status !== 0) throw new Error(`child process failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string);
}

const CASES: Array<[label: string, instant: string, china: string]> = [
  ['00:30 on 1 April in Beijing is still 31 March in UTC', '2026-03-31T16:30:00.000Z', '2026-04-01'],
  ['23:59:59.999 on 31 March in Beijing', '2026-03-31T15:59:59.999Z', '2026-03-31'],
  ['midnight exactly', '2026-03-31T16:00:00.000Z', '2026-04-01'],
  ['new year in China while UTC is still in the old year', '2025-12-31T16:00:00.000Z', '2026-01-01'],
  ['29 Feb of a leap year', '2028-02-28T17:00:00.000Z', '2028-02-29'],
  ['mid-day UTC is the same date in China', '2026-07-01T03:00:00.000Z', '2026-07-01'],
  ['the morning after a US daylight-saving switch', '2026-03-08T16:00:00.000Z', '2026-03-09'],
];

describe('China time (Asia/Shanghai, UTC+8 all year)', () => {
  it.each(CASES)('%s (%s → %s)', (_label, instant, china) => {
    expect(chinaDate(new Date(instant))).toBe(china);
  });

  it('the 00:30 moment reads as 00:30 on 1 April on a clock in China', () => {
    const china = inChina(new Date('2026-03-31T16:30:00.000Z'));
    expect(china.format('YYYY-MM-DD HH:mm')).toBe('2026-04-01 00:30');
    expect(china.utcOffset()).toBe(480);
  });

  it('reads every field and format as dayjs did (the library it replaced), at the edges of days, months and years', () => {
    dayjs.extend(utc);
    const patterns = [
      'YYYY-MM-DD',
      'YYYY-MM-DD HH:mm',
      'M月D日 HH:mm',
      'HH:mm',
      'YYYY年M月D日 HH:mm',
      'YYYY-MM-DD HH:mm:ss',
    ];
    const instants = [
      ...CASES.map(([, instant]) => Date.parse(instant)),
      Date.parse('1992-01-01T00:00:00.000Z'),
      Date.parse('2000-02-29T15:59:59.999Z'),
      Date.parse('2099-12-31T16:00:00.000Z'),
      // Every 7 hours and 13 minutes across two years: every hour of the day, every month's turn.
      ...Array.from({ length: 2500 }, (_, i) => Date.parse('2026-01-01T00:00:00.000Z') + i * 26_000_000),
    ];
    for (const at of instants) {
      const ours = inChina(new Date(at));
      const theirs = dayjs(at).utcOffset(480);
      expect([ours.year(), ours.month(), ours.date(), ours.hour(), ours.minute(), ours.second()]).toEqual([
        theirs.year(),
        theirs.month(),
        theirs.date(),
        theirs.hour(),
        theirs.minute(),
        theirs.second(),
      ]);
      for (const pattern of patterns) expect(ours.format(pattern)).toBe(theirs.format(pattern));
    }
    expect(inChina(new Date(Number.NaN)).format('YYYY-MM-DD')).toBe(dayjs(Number.NaN).format('YYYY-MM-DD'));
    expect(inChina(new Date('2026-03-31T16:30:00.000Z')).format('[今天] YYYY')).toBe('今天 2026');
  });

  it('党龄 turns over at midnight China time, not UTC midnight', () => {
    expect(partyYears('full', '2016-04-01', chinaDate(new Date('2026-03-31T15:59:00.000Z')))).toBe(9);
    expect(partyYears('full', '2016-04-01', chinaDate(new Date('2026-03-31T16:30:00.000Z')))).toBe(10);
  });

  it.each(['America/New_York', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])(
    'gives the same China dates when the server process runs with TZ=%s',
    (zone) => {
      const result = runInZone(
        zone,
        CASES.map(([, instant]) => instant),
      );
      expect(result.zone).toBe(zone);
      expect(result.china).toEqual(CASES.map(([, , china]) => china));
      expect(result.chinaClock[0]).toBe('2026-04-01 00:30');
      if (zone === 'America/New_York') {
        // The server's own clock says 12:30 on 31 March (EDT) for the 00:30 Beijing moment.
        expect(result.localHours[0]).toBe(12);
      }
    },
    30_000,
  );
});
