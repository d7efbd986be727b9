import type { RatingCriteriaView, RatingDecision } from '@contracts';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, reasonMessages } from '@contracts/labels/common';

/** Stars as a row of five: ★★★☆☆. */
export const starsText = (stars: number): string => '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));

export const STAR_OPTIONS = [5, 4, 3, 2, 1].map((n) => ({
  value: String(n) as '1' | '2' | '3' | '4' | '5',
  label: `${n}星`,
}));

/** 「公示中，至12月10日」 or 「已确定」, in China time. */
export function decisionStatus(decision: Pick<RatingDecision, 'status' | 'publicUntil'>): string {
  if (decision.status === 'final') return '已确定';
  const until = new Date(Date.parse(decision.publicUntil) + 8 * 3_600_000);
  return `公示中，至${until.getUTCMonth() + 1}月${until.getUTCDate()}日`;
}

/** The reason of a decision, checked as the server does; a Chinese message when it will not do. */
export function ratingReasonError(reason: string): string | undefined {
  const text = reason.trim();
  if (text.length < REASON_MIN_LENGTH) return reasonMessages('评定理由').tooShort;
  if (text.length > REASON_MAX_LENGTH) return reasonMessages('评定理由').tooLong;
  return undefined;
}

/** The criteria in one line: 「三会一课40 出勤25 学习20 亮身份15；五星≥90 四星≥80 三星≥70 二星≥60；公示7天」. */
export function criteriaText(c: RatingCriteriaView): string {
  const w = c.weights;
  const [five, four, three, two] = c.thresholds;
  return (
    `权重：三会一课 ${w.cadence}、出勤 ${w.attendance}、学习 ${w.study}、亮身份 ${w.declared}；` +
    `分数线：五星 ${five}、四星 ${four}、三星 ${three}、二星 ${two}；公示 ${c.postingDays} 天`
  );
}

/** The years a committee rates: this one (figures so far) and the four before. */
export const ratingYears = (thisYear: number): number[] => Array.from({ length: 5 }, (_, i) => thisYear - i);

/** The criteria dialog's fields, as typed. */
export interface CriteriaForm {
  cadence: string;
  attendance: string;
  study: string;
  declared: string;
  five: string;
  four: string;
  three: string;
  two: string;
  postingDays: string;
}

export const criteriaForm = (c: RatingCriteriaView): CriteriaForm => ({
  cadence: String(c.weights.cadence),
  attendance: String(c.weights.attendance),
  study: String(c.weights.study),
  declared: String(c.weights.declared),
  five: String(c.thresholds[0]),
  four: String(c.thresholds[1]),
  three: String(c.thresholds[2]),
  two: String(c.thresholds[3]),
  postingDays: String(c.postingDays),
});

const whole = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

/** The criteria the form describes, or what is wrong with it (the server checks the same). */
export function criteriaFromForm(form: CriteriaForm): RatingCriteriaView | string {
  const n = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, whole(v)])) as Record<
    keyof CriteriaForm,
    number | null
  >;
  if ([n.cadence, n.attendance, n.study, n.declared].some((w) => w === null || w > 100))
    return '各项权重应为 0 到 100 的整数';
  const weights = {
    cadence: n.cadence ?? 0,
    attendance: n.attendance ?? 0,
    study: n.study ?? 0,
    declared: n.declared ?? 0,
  };
  if (weights.cadence + weights.attendance + weights.study + weights.declared !== 100) return '各项权重之和应为 100';
  const t = [n.five, n.four, n.three, n.two];
  if (t.some((x) => x === null || x > 100)) return '星级分数线应为 0 到 100 的整数';
  const thresholds = t as [number, number, number, number];
  if (!(thresholds[0] > thresholds[1] && thresholds[1] > thresholds[2] && thresholds[2] > thresholds[3]))
    return '星级分数线应从五星到二星依次降低';
  if (n.postingDays === null || n.postingDays < 1 || n.postingDays > 30) return '公示天数应为 1 到 30 的整数';
  return { weights, thresholds, postingDays: n.postingDays };
}
