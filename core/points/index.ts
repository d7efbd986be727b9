/** The points' public face to other features: the ledger, its periods and rules, documents and named queries. */
export * from './documents';
export * from './ledger';
export * from './periods';
export * from './queries';
export * from './rules';
export { branchTotalsId, memberTotalsId, sumsFor } from './totals';
