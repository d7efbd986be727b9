/** The roster's zod-free contract values (see labels/common.ts). */

export const DEACTIVATION_REASONS = ['转出', '出党', '停止党籍', '去世', '其他'] as const;
export const MEMBER_STATUSES = ['active', 'inactive'] as const;

/** 初始化: the branch the first admin's own roster entry goes to, unless they name another. */
export const SETUP_DEFAULT_BRANCH = '机关党支部';
/** How short a setup code the functions accept (ZHIBU_SETUP_CODE): a guessable one is refused. */
export const SETUP_CODE_MIN_LENGTH = 8;
