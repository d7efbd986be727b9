/** Points (积分) as the client shows them: signs, stars, periods, rankings, the record form. Pure: no Taro. */
import type { Period, PointsOutputs, RankingItem, RuleItem } from '@contracts';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, reasonMessages } from '@contracts/labels/common';
import { MAX_RECORD_MEMBERS, quarterName, RECORD_NO_MEMBERS, RECORD_TOO_MANY_MEMBERS } from '@contracts/labels/points';
import { formatDateTime } from '@/utils/dates';
import type { FieldErrors } from '@/utils/validation';

const MINUS = '\u2212';

/** `+3`, `−3` (a real minus sign), `0`: the sign is always shown. */
export function signed(value: number): string {
  if (value > 0) return `+${value}`;
  if (value < 0) return `${MINUS}${Math.abs(value)}`;
  return '0';
}

/** How a value reads: a bonus, a deduction, or nothing. */
export function valueTone(value: number): 'bonus' | 'deduction' | 'zero' {
  return value > 0 ? 'bonus' : value < 0 ? 'deduction' : 'zero';
}

export const MAX_STARS = 5;

/** Filled and empty stars for a 0–5 star score. */
export function starParts(stars: number): { filled: string; empty: string } {
  const n = Math.max(0, Math.min(MAX_STARS, Math.round(stars)));
  return { filled: '★'.repeat(n), empty: '☆'.repeat(MAX_STARS - n) };
}

/** `第 3 名 / 18 人`, or `不显示排名` when the committee has turned member rankings off. */
export function rankText(rank: number | null, rankOf: number): string {
  if (rank === null) return '不显示排名';
  return rankOf > 0 ? `第 ${rank} 名 / ${rankOf} 人` : `第 ${rank} 名`;
}

/** When an entry happened, as `11月23日 14:30` (China time; with the year when it is not this year). */
export function entryTime(at: string, now: Date = new Date()): string {
  return formatDateTime(at, now);
}

/** A period named in a query string, or undefined. */
export function parsePeriod(value: string | undefined): Period | undefined {
  return value === 'month' || value === 'quarter' || value === 'year' ? value : undefined;
}

export const PERIODS: ReadonlyArray<{ value: Period; label: string }> = [
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季' },
  { value: 'year', label: '年' },
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A day inside the period `offset` periods before (negative) or after `today`'s (a `YYYY-MM-DD`
 * in China time): the first day of that month, quarter or year.
 */
export function periodAnchor(period: Period, today: string, offset: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  if (period === 'year') return `${year + offset}-01-01`;
  const step = period === 'quarter' ? 3 : 1;
  const start = period === 'quarter' ? month - (month % 3) : month;
  const total = year * 12 + start + offset * step;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

/** `2026年11月`, `2026年第四季度`, `2026年` for the period containing `day` (`YYYY-MM-DD`). */
export function periodLabel(period: Period, day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (period === 'year') return `${year}年`;
  if (period === 'quarter') return `${year}年${quarterName(Math.floor((month - 1) / 3) + 1)}`;
  return `${year}年${month}月`;
}

/** `本月`, `上季度`, `本年度`…: what a short caption calls the period `offset` from now. */
export function periodName(period: Period, offset: number): string {
  const unit = period === 'month' ? '月' : period === 'quarter' ? '季度' : '年度';
  if (offset === 0) return `本${unit}`;
  if (offset === -1) return `上${unit}`;
  return '';
}

export type RankingVisibility = PointsOutputs['ranking']['visibility'];

export interface RankingRow extends RankingItem {
  /** The caller's own line. */
  self: boolean;
  /** Rows were left out just above this one. */
  gapBefore: boolean;
}

export const RANKING_NOTE: Record<RankingVisibility, string> = {
  full: '管理视图：显示支部全体党员的积分，仅书记、支委可见。',
  self: '积分用于激励，只显示您本人的名次，不公开其他党员的积分。',
  off: '按党委设置，不显示积分排名。积分用于激励，您的每一条积分明细都可以在积分页查看。',
};

/** What members of the branch see, for the secretary's ranking (members never see others' lines). */
export const MEMBER_VISIBILITY_NOTE: Record<RankingVisibility, string> = {
  full: '党员只能看到自己的名次。',
  self: '党员只能看到自己的名次，看不到其他党员的积分。',
  off: '已关闭排名：党员看不到任何名次。',
};

/** The rows a member sees: their own line when the branch shows it, nothing otherwise. */
export function memberRankingRows(ranking: PointsOutputs['ranking']): RankingRow[] {
  const me = ranking.me;
  if (ranking.visibility === 'off' || !me) return [];
  return [{ ...me, self: true, gapBefore: false }];
}

/** The year's trend as bars: each month's height in percent of the largest |net|, and its label. */
export function trendBars(months: ReadonlyArray<{ month: number; net: number }>): Array<{
  month: number;
  label: string;
  net: number;
  height: number;
}> {
  const max = months.reduce((m, x) => Math.max(m, Math.abs(x.net)), 0);
  return months.map(({ month, net }) => ({
    month,
    label: `${month}月`,
    net,
    height: max ? Math.max(net ? 4 : 0, Math.round((Math.abs(net) / max) * 100)) : 0,
  }));
}

export type Medal = 'gold' | 'silver' | 'bronze';

/**
 * How a rank is shown: 1, 2 and 3 as gold, silver and bronze (only for a positive score), 并列
 * where members share it, and no rank at all for a member with no points in the period (early in
 * a month everyone would otherwise be "1").
 */
export function rankDisplay(r: Pick<RankingItem, 'rank' | 'tied' | 'net' | 'bonus' | 'deduction'>): {
  text: string;
  medal: Medal | null;
  tied: boolean;
} {
  const scored = r.bonus !== 0 || r.deduction !== 0;
  if (!scored) return { text: '—', medal: null, tied: false };
  const medal = r.net > 0 && r.rank <= 3 ? (['gold', 'silver', 'bronze'] as const)[r.rank - 1] : null;
  return { text: String(r.rank), medal, tied: r.tied > 1 };
}

/** Whether a ranking has any points in its period: else the page opens on a longer period. */
export function rankingHasPoints(ranking: PointsOutputs['ranking']): boolean {
  return [...ranking.items, ...(ranking.me ? [ranking.me] : [])].some((r) => r.bonus !== 0 || r.deduction !== 0);
}

/** The next longer period to open on when this one has no points yet (月 → 季 → 年). */
export const LONGER_PERIOD: Partial<Record<Period, Period>> = { month: 'quarter', quarter: 'year' };

/** Every row, for a secretary (whose answer is the whole branch). */
export function staffRankingRows(ranking: PointsOutputs['ranking']): RankingRow[] {
  const me = ranking.me;
  return ranking.items.map((i) => ({ ...i, self: !!me && i.memberId === me.memberId, gapBefore: false }));
}

/** A bar's length in percent of the row's track, against the largest |net| shown; at least 3 when not zero. */
export function barPercent(net: number, maxAbs: number): number {
  if (!net || maxAbs <= 0) return 0;
  return Math.max(3, Math.min(100, Math.round((Math.abs(net) / maxAbs) * 100)));
}

export function maxAbsNet(rows: ReadonlyArray<{ net: number }>): number {
  return rows.reduce((m, r) => Math.max(m, Math.abs(r.net)), 0);
}

/**
 * Rules a secretary records by hand: those the system does not award, and 参加志愿服务, which
 * is both. Bonus items first, each kind in the server's order.
 */
export function manualRules(items: RuleItem[]): RuleItem[] {
  const manual = items.filter((r) => r.active && (!r.auto || r.code === 'volunteer'));
  return [...manual.filter((r) => r.value > 0), ...manual.filter((r) => r.value <= 0)];
}

/** `参加志愿服务 +3`. */
export function ruleText(rule: Pick<RuleItem, 'name' | 'value'>): string {
  return `${rule.name} ${signed(rule.value)}`;
}

/** `为 3 人记录 推诿任务 −3 分`. */
export function recordSummary(count: number, rule: Pick<RuleItem, 'name' | 'value'>): string {
  return `为 ${count} 人记录 ${rule.name} ${signed(rule.value)} 分`;
}

export interface RecordDraft {
  memberIds: string[];
  rule: string;
  reason: string;
}

export const RECORD_FIELDS = ['memberIds', 'rule', 'reason'] as const;
export { MAX_RECORD_MEMBERS };

/** `points.record`'s input checks, with the contract's limits and messages. */
export function validateRecord(d: RecordDraft): FieldErrors<RecordDraft> {
  const errors: FieldErrors<RecordDraft> = {};
  if (!d.memberIds.length) errors.memberIds = RECORD_NO_MEMBERS;
  else if (d.memberIds.length > MAX_RECORD_MEMBERS) errors.memberIds = RECORD_TOO_MANY_MEMBERS;
  if (!d.rule) errors.rule = '请选择积分项目';
  const reason = d.reason.trim();
  if (reason.length < REASON_MIN_LENGTH) errors.reason = reasonMessages().tooShort;
  else if (reason.length > REASON_MAX_LENGTH) errors.reason = reasonMessages().tooLong;
  return errors;
}

/** `points.reverse`'s reason rule (labels/common.ts); undefined when fine. */
export function reverseReasonError(reason: string): string | undefined {
  const r = reason.trim();
  if (r.length < REASON_MIN_LENGTH) return reasonMessages('冲正原因').tooShort;
  if (r.length > REASON_MAX_LENGTH) return reasonMessages().tooLong;
  return undefined;
}

const REQUEST_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;

/** An idempotency key for one submission: time in base 36 and 10 random base-36 digits. */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 10) tail += Math.floor(random() * 36).toString(36);
  const id = `${now.toString(36)}-${tail}`;
  return REQUEST_ID_RE.test(id) ? id : `r-${tail}${tail}`;
}

interface EntryLike {
  id: string;
  ruleName: string;
  value: number;
  at: string;
  reverses: string | null;
}

/**
 * What a reversal says about the entry it cancels: `冲正 11月20日「参加志愿服务 +3」` when that
 * entry is among `known`, otherwise a generic line.
 */
export function reversalNote(entry: EntryLike, known: ReadonlyArray<EntryLike>, now: Date = new Date()): string {
  if (!entry.reverses) return '';
  const original = known.find((e) => e.id === entry.reverses);
  if (!original) return '冲正此前的一条记录';
  return `冲正 ${entryTime(original.at, now)}「${original.ruleName} ${signed(original.value)}」`;
}

/** Members whose name (or phone) contains `query`; everyone for an empty query. */
export function filterByName<T extends { name: string; phone?: string | null }>(members: T[], query: string): T[] {
  const q = query.trim();
  if (!q) return members;
  return members.filter((m) => m.name.includes(q) || (!!m.phone && m.phone.includes(q)));
}
