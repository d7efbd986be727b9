/**
 * The client's one China time (Asia/Shanghai, UTC+8, no daylight saving): formatting, today's
 * date, and the `+08:00` instants the activity form sends. Pure: no Taro.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar parts of an instant as seen in China. */
function chinaParts(instant: Date): { y: number; m: number; d: number; hh: number; mm: number } {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hh: shifted.getUTCHours(),
    mm: shifted.getUTCMinutes(),
  };
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-23` → `2026年11月23日`; an ISO timestamp is read in China time. Empty for nothing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = DAY_RE.exec(value);
  if (day) return `${Number(day[1])}年${Number(day[2])}月${Number(day[3])}日`;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const p = chinaParts(new Date(t));
  return `${p.y}年${p.m}月${p.d}日`;
}

/**
 * An instant as `11月23日 14:30` (China time); with the year in front when it is not `now`'s
 * year: `2025年11月23日 14:30`.
 */
export function formatDateTime(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return '';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const p = chinaParts(new Date(t));
  const year = chinaParts(now).y === p.y ? '' : `${p.y}年`;
  return `${year}${p.m}月${p.d}日 ${pad(p.hh)}:${pad(p.mm)}`;
}

/** Today's date in China as `YYYY-MM-DD`. */
export function todayInChina(now: Date = new Date()): string {
  const p = chinaParts(now);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** `2026-11-23` + `14:30` → `2026-11-23T14:30:00+08:00`. */
export const chinaIso = (date: string, time: string): string => `${date}T${time}:00+08:00`;

/** An ISO instant as its China-time date (`YYYY-MM-DD`) and time (`HH:mm`). */
export function chinaDateTime(iso: string): { date: string; time: string } {
  const p = chinaParts(new Date(Date.parse(iso)));
  return { date: `${p.y}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.hh)}:${pad(p.mm)}` };
}

/** An instant as `YYYY-MM-DDTHH:mm:00+08:00` (seconds dropped). */
export function toChinaIso(ms: number): string {
  const { date, time } = chinaDateTime(new Date(ms).toISOString());
  return chinaIso(date, time);
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}
