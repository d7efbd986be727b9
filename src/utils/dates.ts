/** Date formatting in China time (Asia/Shanghai, UTC+8, no daylight saving). Pure: no Taro. */

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
