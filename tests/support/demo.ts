/**
 * The demo data's accounts (host/demo/seed.ts) as the tests call them. Members are numbered by
 * their roster ids: `MEMBER` is demo-member-2, roster entry member-003.
 */

/** 周建国 (member-007, 第二党支部), admin of 示范党委. */
export const ADMIN = 'demo-admin';
/** 李红梅 (member-001), secretary of 第一党支部. */
export const SECRETARY = 'demo-secretary';
/** 王志强 (member-002), 支委 of 第一党支部, 第一党小组. */
export const OFFICER = 'demo-member-1';
/** 陈秀英 (member-003), 第一党支部 第一党小组. */
export const MEMBER = 'demo-member-2';
/** 刘洋 (member-004), 第一党支部 第二党小组. */
export const MEMBER_3 = 'demo-member-3';
/** 赵丽娟 (member-005), 第一党支部 第二党小组. */
export const MEMBER_4 = 'demo-member-4';
/** 孙浩然 (member-006), 预备党员, 第一党支部 第一党小组. */
export const MEMBER_5 = 'demo-member-5';
/** An account bound to nobody. */
export const VISITOR = 'demo-visitor';
/** The first of the demo's pending 亮身份 applicants. */
export const APPLICANT = 'demo-applicant-1';
