/**
 * 评星定级: the yearly star rating of a branch, proposed from measures the committee weighs
 * (三会一课 met, attendance, study, 亮身份 coverage), decided by the committee, posted (公示) for
 * some days before it is final. Pure arithmetic; actions/rating.ts loads and stores.
 */

export const RATING_MEASURES = ['cadence', 'attendance', 'study', 'declared'] as const;
export type RatingMeasure = (typeof RATING_MEASURES)[number];

export const RATING_MEASURE_LABELS: Record<RatingMeasure, string> = {
  cadence: '三会一课完成率',
  attendance: '出勤率',
  study: '学习完成率',
  declared: '亮身份覆盖率',
};

export interface RatingCriteria {
  /** Points out of 100 each measure is worth (a rate of 1 earns all of them); they add up to 100. */
  weights: Record<RatingMeasure, number>;
  /** The least score for 5, 4, 3 and 2 stars, descending; below the last, 1 star. */
  thresholds: [number, number, number, number];
  /** 公示: days a decision is posted before it is final. */
  postingDays: number;
}

export const DEFAULT_RATING_CRITERIA: RatingCriteria = {
  weights: { cadence: 40, attendance: 25, study: 20, declared: 15 },
  thresholds: [90, 80, 70, 60],
  postingDays: 7,
};

/** Why criteria cannot be used, or null: weights whole and adding up to 100, thresholds descending within 0…100. */
export function criteriaProblem(criteria: RatingCriteria): string | null {
  const weights = RATING_MEASURES.map((m) => criteria.weights[m]);
  if (weights.some((w) => !Number.isInteger(w) || w < 0)) return '各项权重应为不小于 0 的整数';
  if (weights.reduce((a, b) => a + b, 0) !== 100) return '各项权重之和应为 100';
  const t = criteria.thresholds;
  if (t.some((x) => !Number.isInteger(x) || x < 0 || x > 100)) return '星级分数线应为 0 到 100 的整数';
  if (!(t[0] > t[1] && t[1] > t[2] && t[2] > t[3])) return '星级分数线应从五星到二星依次降低';
  return null;
}

/** The measures as shares 0…1; null where the year gave nothing to count (it earns nothing). */
export type RatingMeasures = Record<RatingMeasure, number | null>;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The score (0…100, one decimal), the stars it earns and, per measure, what it earned and why. */
export function proposeRating(measures: RatingMeasures, criteria: RatingCriteria) {
  let score = 0;
  const reasons: string[] = [];
  for (const measure of RATING_MEASURES) {
    const share = measures[measure];
    const weight = criteria.weights[measure];
    const earned = (share ?? 0) * weight;
    score += earned;
    reasons.push(
      share === null
        ? `${RATING_MEASURE_LABELS[measure]}：本年无数据，得 0 分（满分 ${weight}）`
        : `${RATING_MEASURE_LABELS[measure]} ${percent(share)}，得 ${Math.round(earned * 10) / 10} 分（满分 ${weight}）`,
    );
  }
  score = Math.round(score * 10) / 10;
  return { score, stars: starsFor(score, criteria), reasons };
}

/** The stars a score earns under the thresholds. */
export function starsFor(score: number, criteria: RatingCriteria): number {
  const index = criteria.thresholds.findIndex((least) => score >= least);
  return index === -1 ? 1 : 5 - index;
}

/** `at` plus the posting days, as an ISO instant: the decision is final from then. */
export const postingEnds = (at: Date, criteria: RatingCriteria): string =>
  new Date(at.getTime() + criteria.postingDays * 86_400_000).toISOString();

/** `ratingCriteria/<committeeId>`: the committee's criteria (absent: the defaults). */
export interface RatingCriteriaDoc extends RatingCriteria {
  _id: string;
  updatedAt: string;
  updatedBy: string;
}

/** `branchRatings/<orgId>:<year>`: the committee's decision on a branch's stars for a year. */
export interface BranchRatingDoc {
  _id: string;
  orgId: string;
  committeeId: string;
  year: number;
  stars: number;
  proposedStars: number;
  score: number;
  measures: RatingMeasures;
  reason: string;
  decidedAt: string;
  decidedBy: string;
  publicUntil: string;
}

export const branchRatingId = (orgId: string, year: number) => `${orgId}:${year}`;

/** How many past years a branch's ratings list looks back. */
export const RATING_YEARS_SHOWN = 5;

/**
 * The share of a year's 三会一课 obligations met, over the periods that have ended by `date`: each
 * period's obligations counted once, as the cadence counts them on its last day (held, capped at
 * required). `evaluate` is the activities' cadence for a day; periods that began before the branch
 * existed (`createdDay`) owe nothing. Null when nothing was owed yet.
 */
export function yearCadenceShare(
  year: number,
  date: string,
  createdDay: string | null,
  evaluate: (day: string) => ReadonlyArray<{
    status: string;
    dueDate: string;
    required: number;
    held: number;
    period: string;
    every: 'month' | 'quarter' | 'year';
  }>,
  firstDayOf: (every: 'month' | 'quarter' | 'year', day: string) => string,
): number | null {
  let required = 0;
  let met = 0;
  for (let month = 1; month <= 12; month++) {
    const lastDay = lastDayOfMonth(year, month);
    if (lastDay >= date) break;
    for (const item of evaluate(lastDay)) {
      if (item.status === 'overdue' || item.dueDate !== lastDay) continue;
      if (createdDay !== null && firstDayOf(item.every, lastDay) < createdDay) continue;
      required += item.required;
      met += Math.min(item.held, item.required);
    }
  }
  return required ? Math.round((met / required) * 1000) / 1000 : null;
}

function lastDayOfMonth(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}
