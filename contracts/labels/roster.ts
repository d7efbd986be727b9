/** The roster's zod-free contract values (see labels/common.ts). */

export const DEACTIVATION_REASONS = ['转出', '出党', '停止党籍', '去世', '其他'] as const;
export const MEMBER_STATUSES = ['active', 'inactive'] as const;
