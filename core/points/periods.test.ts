import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { periodsOf, periodsOfDate, type Periods } from './periods';

/**
 * Periods follow the calendar in China. Jest cannot change the zone of its own process, so the
 * zone-independence cases also run `periodsOf` in a child Node process started with another TZ.
 */
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function periodsInZone(zone: string, instants: string[]): { zone: string; periods: Periods[] } {
  const script = `
    import { periodsOf } from './core/points/periods';
    const instants = ${JSON.stringify(instants)};
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      periods: instants.map((i) => periodsOf(new Date(i))),
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

const periods = (year: number, month: string, quarter: string): Periods => ({
  year,
  month,
  quarter,
  monthKey: `${year}-${month}`,
  quarterKey: `${year}-Q${quarter}`,
  yearKey: String(year),
});

const CASES: Array<[label: string, instant: string, expected: Periods]> = [
  [
    '00:30 on 1 April in Beijing (still 31 March in UTC) is April, Q2',
    '2026-03-31T16:30:00.000Z',
    periods(2026, '04', '2'),
  ],
  ['23:59:59.999 on 31 March in Beijing is March, Q1', '2026-03-31T15:59:59.999Z', periods(2026, '03', '1')],
  ['23:59:59 on 31 December in Beijing is that year, Q4', '2026-12-31T15:59:59.000Z', periods(2026, '12', '4')],
  [
    '00:00 on 1 January in Beijing is the next year (UTC still on 31 Dec)',
    '2026-12-31T16:00:00.000Z',
    periods(2027, '01', '1'),
  ],
  ['00:00 on 1 July in Beijing starts Q3', '2026-06-30T16:00:00.000Z', periods(2026, '07', '3')],
  ['00:00 on 1 October in Beijing starts Q4', '2026-09-30T16:00:00.000Z', periods(2026, '10', '4')],
  ['mid-day in November', '2026-11-23T02:00:00.000Z', periods(2026, '11', '4')],
];

describe('periodsOf: China-time month, quarter and year', () => {
  it.each(CASES)('%s', (_label, instant, expected) => {
    expect(periodsOf(new Date(instant))).toEqual(expected);
  });

  it.each(['UTC', 'America/New_York', 'Pacific/Kiritimati'])(
    'gives the same periods when the server process runs with TZ=%s',
    (zone) => {
      const result = periodsInZone(
        zone,
        CASES.map(([, instant]) => instant),
      );
      expect(result.zone).toBe(zone);
      expect(result.periods).toEqual(CASES.map(([, , expected]) => expected));
    },
    30_000,
  );
});

describe('periodsOfDate: the periods of a calendar date', () => {
  it.each([
    ['2026-04-01', periods(2026, '04', '2')],
    ['2026-03-31', periods(2026, '03', '1')],
    ['2026-01-01', periods(2026, '01', '1')],
    ['2026-12-31', periods(2026, '12', '4')],
  ])('%s', (date, expected) => {
    expect(periodsOfDate(date)).toEqual(expected);
  });
});
