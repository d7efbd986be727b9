import { ADMIN, MEMBER, OFFICER, SECRETARY, VISITOR } from '../../support/demo';

/** The five kinds of user every page is opened as (demo accounts, tests/support/demo.ts). */
export const IDENTITIES = {
  visitor: VISITOR,
  member: MEMBER,
  officer: OFFICER,
  secretary: SECRETARY,
  admin: ADMIN,
} as const;

export type Who = keyof typeof IDENTITIES;
export const WHO = Object.keys(IDENTITIES) as Who[];
