import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China Standard Time has been UTC+8 all year since 1992: no daylight saving to account for. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/** The moment as seen on a clock in China, whatever the server's time zone. */
export function inChina(at: Date): dayjs.Dayjs {
  return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES);
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
