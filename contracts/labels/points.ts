/** Points' zod-free contract values and limits (see labels/common.ts). */

export const PERIODS = ['month', 'quarter', 'year'] as const;
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
/**
 * What a member sees of the branch's ranking: their own position (`self`, the default) or nothing
 * (`off`). A list of other members' scores is never shown to members (国办 2026 规范: no 积分排名).
 */
export const RANKING_VISIBILITIES = ['self', 'off'] as const;

/** `points.record`: at most this many members at once. */
export const MAX_RECORD_MEMBERS = 100;
export const RECORD_NO_MEMBERS = '请选择党员';
export const RECORD_TOO_MANY_MEMBERS = `一次最多 ${MAX_RECORD_MEMBERS} 人`;

/** `points.updateRules`: a rule's value (signed, never 0), its cap, and the settings. */
export const MAX_RULE_VALUE = 100;
export const RULE_VALUE_ZERO = '分值不能为 0';
export const MAX_CAP = 1000;
export const MAX_BASE_SCORE = 100;
export const MAX_OBJECTION_DAYS = 90;

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** `第四季度` for quarter 4 (`4` or `'4'`): every period label writes the quarter in words. */
export function quarterName(quarter: number | string): string {
  return `第${QUARTER_NAMES[Number(quarter) - 1] ?? quarter}季度`;
}
