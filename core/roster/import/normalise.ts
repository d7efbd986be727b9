import { dateSchema, type CandidateStatus, type PartyStatus } from '../../../contracts/common';
import type { CellValue } from './table';

/** Every CJK unified ideograph a name may hold: the basic block, Extension A (䶮), compatibility ideographs, Extensions B–H. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{323af}';
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Dots written between the parts of a name (阿依古丽·买买提): bullet, katakana middle dot, full stop and the like. */
const NAME_DOTS = /[•‧∙⋅・.·]/g;
const SPACE_BY_HAN = new RegExp(`(?<=[${HAN}·])\\s+|\\s+(?=[${HAN}·])`, 'gu');

/** What a cell shows, as text: a date cell as 2010-07-01, a number as written. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** NFKC (full-width digits, letters and punctuation to their plain forms), without zero-width characters. */
export function plain(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '');
}

/** A header cell as compared with the known column names: no spaces, no "(必填)", no "*" or ":". */
export function headerKey(text: string): string {
  return plain(text)
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[*:]/g, '');
}

/** 王\u3000芳 → 王芳, 赵 军 → 赵军, 阿依古丽 • 买买提 → 阿依古丽·买买提; spaces between Latin letters stay single. */
export function normaliseName(text: string): string {
  return plain(text).replace(NAME_DOTS, '·').replace(/\s+/g, ' ').trim().replace(SPACE_BY_HAN, '');
}

export type PhoneReading =
  | { kind: 'empty' }
  /** `landline`: a fixed-line number written beside the mobile. */
  | { kind: 'mobile'; phone: string; others: string[]; landline?: string }
  /** As the roster's own export shows a number to those who may not read it: 139****5678. */
  | { kind: 'masked'; masked: string }
  | { kind: 'landline'; number: string }
  | { kind: 'invalid' };

const MASKED = /^(?:\+?86|0086)?(1\d{2}\*{4}\d{4})$/;

const MOBILE = /^1[3-9]\d{9}$/;

/** One number: digits only, +86 / 0086 / 86 before a mobile dropped. */
function digitsOf(part: string): string {
  const digits = part.replace(/[\s\-–—‐‑−()]/g, '');
  const national = /^(?:\+?86|0086)(1\d{10})$/.exec(digits);
  return national ? national[1] : digits;
}

/** 0571-88886666 as written; 057188886666 as 0571-88886666 where the area code is plain (010, 02x: 3 digits). */
function landlineText(written: string, digits: string): string {
  if (/^(?:0\d{2,3}-)?[2-9]\d{6,7}(?:-\d{1,6})?$/.test(written)) return written;
  if (!digits.startsWith('0')) return digits;
  const area = /^0(?:10|2\d)/.test(digits) ? 3 : 4;
  return `${digits.slice(0, area)}-${digits.slice(area)}`;
}

/**
 * A phone cell: "139 1000 1234", "139-1000-1234", "１３９１０００１２３４", "+86 13910001234", a number
 * cell; two numbers ("13910001234/0571-88886666") give the first mobile and the others.
 */
export function readPhone(value: CellValue): PhoneReading {
  const text = plain(cellText(value));
  if (!text) return { kind: 'empty' };
  const masked = MASKED.exec(text.replace(/[\s\-–—‐‑−]/g, ''));
  if (masked) return { kind: 'masked', masked: masked[1] };
  const written = text
    .split(/[/,;、|\n]|或/)
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => digitsOf(p) !== '');
  const parts = written.map(digitsOf);
  const isLandline = (p: string) => /^(?:0\d{9,11}|[2-9]\d{6,7})$/.test(p);
  // A fixed-line number as written (0571-88886666), when it reads as one.
  const landlineAt = parts.findIndex(isLandline);
  const landline = landlineAt >= 0 ? landlineText(written[landlineAt], parts[landlineAt]) : undefined;
  const mobiles = parts.filter((p) => MOBILE.test(p));
  if (mobiles.length)
    return {
      kind: 'mobile',
      phone: mobiles[0],
      others: parts.filter((p) => p !== mobiles[0]),
      ...(landline ? { landline } : {}),
    };
  if (landline && parts.every(isLandline)) return { kind: 'landline', number: landline };
  return { kind: 'invalid' };
}

export type DateReading = { kind: 'empty' } | { kind: 'date'; date: string; monthOnly: boolean } | { kind: 'invalid' };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateOf(year: number, month: number, day: number, monthOnly = false): DateReading {
  const date = ymd(year, month, day);
  if (year < 1900 || year > 2100 || !dateSchema.safeParse(date).success) return { kind: 'invalid' };
  return { kind: 'date', date, monthOnly };
}

function readDateText(raw: string): DateReading {
  const text = plain(raw)
    .replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, '')
    .replace(/[—–―‐‑−~]/g, '-')
    .replace(/\s+/g, '')
    .replace(/[日号]$/, '');
  if (!text) return { kind: 'empty' };
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (m) return dateOf(Number(m[1]), Number(m[2]), 1, true);
  return { kind: 'invalid' };
}

/**
 * A date cell, or a date written as 2010-07-01, 2010/7/1, 2010.7.1, "2010. 7. 1", 2010年7月1日,
 * 2010—07—01, 20100701 (text or number), an Excel day number (40360); 2010.07 and 2010年7月 are
 * the month's 1st (`monthOnly`).
 */
export function readDate(value: CellValue): DateReading {
  if (value === null || typeof value === 'boolean') return { kind: value === null ? 'empty' : 'invalid' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'invalid' };
    return dateOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900_01_01 && value <= 2100_12_31) return readDateText(String(value));
    // 2010.07 typed into a number cell: the year and month.
    if (value >= 1900 && value < 2101 && !Number.isInteger(value)) return readDateText(String(value));
    // A day number from a cell left in General format: 1910-01-01 to 2099-12-31 (never a bare year).
    if (value >= 3653 && value < 73_051) {
      const day = new Date(EXCEL_EPOCH + Math.floor(value) * DAY);
      return dateOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
    }
    return { kind: 'invalid' };
  }
  return readDateText(value);
}

const STATUS_BY_LABEL: Record<string, PartyStatus> = {
  正式党员: 'full',
  正式: 'full',
  中共党员: 'full',
  中共正式党员: 'full',
  中国共产党党员: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
  中共预备党员: 'probationary',
  中国共产党预备党员: 'probationary',
};

/** 正式党员 / 正式 / 中共党员 → full; 预备党员 / 预备 / 中共预备党员 → probationary. */
export function readPartyStatus(value: CellValue): PartyStatus | null {
  return STATUS_BY_LABEL[plain(cellText(value)).replace(/\s+/g, '')] ?? null;
}

const ON_THE_WAY_BY_LABEL: Record<string, CandidateStatus> = {
  发展对象: 'candidate',
  入党积极分子: 'activist',
  积极分子: 'activist',
  入党申请人: 'applicant',
  申请入党: 'applicant',
  申请人: 'applicant',
};

/** 入党积极分子 / 发展对象 / 入党申请人 (the people on the way, whom 发展党员 enters), or null. */
export function readOnTheWayStatus(value: CellValue): CandidateStatus | null {
  return ON_THE_WAY_BY_LABEL[plain(cellText(value)).replace(/\s+/g, '')] ?? null;
}
