import type { PartyStatus } from '../../contracts/common';
import type { CoveragePoint, EmployerKind, EmployerList, EmployerSuggestion } from '../../contracts/roster';

/**
 * 两新组织 (issue 15): the committee's register of private firms and social organisations, the Party
 * members found working in each, the rules' suggestion and 组织覆盖率. Pure: no store, no Excel.
 */

/** `employers/<committeeId>:<normalised name>`. */
export interface EmployerDoc {
  _id: string;
  committeeId: string;
  /** As the register (or the first filing) writes it. */
  name: string;
  kind: EmployerKind | null;
  address: string | null;
  staff: number | null;
  hasOrganisation: boolean;
  list: EmployerList | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** `employerCoverage/<committeeId>`: 组织覆盖率 by month, the last snapshot of each month kept. */
export interface EmployerCoverageDoc {
  _id: string;
  history: CoveragePoint[];
}

/** How many months of coverage history are kept. */
export const COVERAGE_MONTHS_KEPT = 120;

/**
 * A name as names are compared: full-width letters, digits and brackets as half-width (NFKC),
 * 【】〔〕 as (), no spaces at all. 示范科技（杭州）有限公司 and "示范科技 (杭州) 有限公司" are one.
 */
export function normaliseEmployer(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[【〔［[]/g, '(')
    .replace(/[】〕］\]]/g, ')')
    .replace(/\s+/g, '');
}

export const employerId = (committeeId: string, name: string): string => `${committeeId}:${normaliseEmployer(name)}`;

/**
 * The rules: an organisation that has a Party organisation needs none; three or more 正式党员 →
 * 单独组建; fewer but at least one member (正式 or 预备) → 联合组建 (a joint branch of usually at most
 * five units) or a 党建指导员; no member → nothing to form.
 */
export function suggestFor(full: number, probationary: number, hasOrganisation: boolean): EmployerSuggestion {
  if (hasOrganisation) return 'none';
  if (full >= 3) return 'single';
  if (full + probationary >= 1) return 'joint';
  return 'none';
}

/** Organisations with a Party organisation ÷ organisations on the register (three decimals); null when it is empty. */
export function coverageOf(register: ReadonlyArray<{ hasOrganisation: boolean }>): number | null {
  if (register.length === 0) return null;
  const covered = register.filter((e) => e.hasOrganisation).length;
  return Math.round((covered / register.length) * 1000) / 1000;
}

/** The history with this month's snapshot in place of any earlier one of the month, oldest first. */
export function withSnapshot(history: readonly CoveragePoint[], point: CoveragePoint): CoveragePoint[] {
  return [...history.filter((p) => p.month !== point.month), point]
    .sort((a, b) => a.month.localeCompare(b.month))
    .slice(-COVERAGE_MONTHS_KEPT);
}

export interface PersonAtWork {
  workUnit?: string | null;
  partyStatus: PartyStatus;
}

/** 正式 and 预备 members by normalised employer name. */
export function countByEmployer(people: readonly PersonAtWork[]): Map<string, { full: number; probationary: number }> {
  const counts = new Map<string, { full: number; probationary: number }>();
  for (const person of people) {
    if (!person.workUnit?.trim()) continue;
    const key = normaliseEmployer(person.workUnit);
    const count = counts.get(key) ?? { full: 0, probationary: 0 };
    if (person.partyStatus === 'full') count.full += 1;
    else if (person.partyStatus === 'probationary') count.probationary += 1;
    counts.set(key, count);
  }
  return counts;
}
