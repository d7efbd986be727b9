/** China Standard Time has been UTC+8 all year since 1992: no daylight saving to account for. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/**
 * A moment as read on a clock in China: its calendar fields (months 0 … 11, as Date counts them)
 * and `format` with the tokens YYYY, MM, M, DD, D, HH, mm and ss (text in [brackets] kept as is).
 * Plain arithmetic on the UTC fields of the shifted moment, so that every cloud function need not
 * bundle a date library for it (the roster function's size has a limit).
 */
export interface ChinaClock {
  year(): number;
  month(): number;
  date(): number;
  hour(): number;
  minute(): number;
  second(): number;
  /** Minutes ahead of UTC: 480. */
  utcOffset(): number;
  format(pattern: string): string;
}

const TOKENS = /\[([^\]]+)]|YYYY|MM|M|DD|D|HH|mm|ss/g;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The moment as seen on a clock in China, whatever the server's time zone. */
export function inChina(at: Date): ChinaClock {
  // The UTC fields of the moment moved 8 hours on are what a clock in China shows.
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MINUTES * 60_000);
  const clock: ChinaClock = {
    year: () => shifted.getUTCFullYear(),
    month: () => shifted.getUTCMonth(),
    date: () => shifted.getUTCDate(),
    hour: () => shifted.getUTCHours(),
    minute: () => shifted.getUTCMinutes(),
    second: () => shifted.getUTCSeconds(),
    utcOffset: () => CHINA_OFFSET_MINUTES,
    format(pattern) {
      if (Number.isNaN(shifted.getTime())) return 'Invalid Date';
      const value: Record<string, string> = {
        YYYY: pad(clock.year(), 4),
        MM: pad(clock.month() + 1),
        M: String(clock.month() + 1),
        DD: pad(clock.date()),
        D: String(clock.date()),
        HH: pad(clock.hour()),
        mm: pad(clock.minute()),
        ss: pad(clock.second()),
      };
      return pattern.replace(TOKENS, (token, literal: string | undefined) => literal ?? value[token]);
    },
  };
  return clock;
}

/** `2026-11-23 14:30` in China time, for files people read. */
export function formatChinaDateTime(at: Date): string {
  return inChina(at).format('YYYY-MM-DD HH:mm');
}

/** `11月23日 14:30` in China time, for messages people read. */
export function formatChinaMonthDayTime(at: Date): string {
  return inChina(at).format('M月D日 HH:mm');
}

/** Today's date in China, as `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return inChina(at).format('YYYY-MM-DD');
}

/** The instant a China-time calendar day (`YYYY-MM-DD`, plus `days`) begins, as an ISO string. */
export function chinaDayStart(date: string, days = 0): string {
  const start = new Date(`${date}T00:00:00+08:00`);
  start.setUTCDate(start.getUTCDate() + days);
  return start.toISOString();
}
