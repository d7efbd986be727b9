import { quarterName } from '../../contracts/labels/points';
import { inChina } from '../shared/china-time';

/** The China-time periods an instant belongs to. */
export interface Periods {
  year: number;
  /** `01` … `12` */
  month: string;
  /** `1` … `4` */
  quarter: string;
  /** Keys as they appear in ledger entries and cap usage: `2026-11`, `2026-Q4`, `2026`. */
  monthKey: string;
  quarterKey: string;
  yearKey: string;
}

export function periodsOf(at: Date): Periods {
  const china = inChina(at);
  const year = china.year();
  const month = String(china.month() + 1).padStart(2, '0');
  const quarter = String(Math.floor(china.month() / 3) + 1);
  return {
    year,
    month,
    quarter,
    monthKey: `${year}-${month}`,
    quarterKey: `${year}-Q${quarter}`,
    yearKey: String(year),
  };
}

/** The China-time periods of a calendar date `YYYY-MM-DD` (noon, safely inside the day). */
export function periodsOfDate(date: string): Periods {
  return periodsOf(new Date(`${date}T12:00:00+08:00`));
}

/** The instants bounding a China-time month, quarter or year containing `date`, and its name. */
export function periodRange(
  period: 'month' | 'quarter' | 'year',
  date: string,
): { from: string; to: string; label: string } {
  const { year, month, quarter } = periodsOfDate(date);
  const startMonth = period === 'month' ? Number(month) : period === 'quarter' ? (Number(quarter) - 1) * 3 + 1 : 1;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const at = (y: number, m: number) => new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`).toISOString();
  const endMonth = startMonth + months;
  const label =
    period === 'month'
      ? `${year}年${Number(month)}月`
      : period === 'quarter'
        ? `${year}年${quarterName(quarter)}`
        : `${year}年`;
  return {
    from: at(year, startMonth),
    to: endMonth > 12 ? at(year + 1, endMonth - 12) : at(year, endMonth),
    label,
  };
}
