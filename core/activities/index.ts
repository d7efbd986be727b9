/**
 * The activities' public face to other features: documents, named queries, who earns an activity's
 * points, attendance labels, and a branch's 三会一课 cadence (roster.overview counts it).
 */
export * from './attendance-labels';
export * from './awards';
export * from './documents';
export * from './queries';
export { branchCadence } from './branch-cadence';
export { evaluateCadence, periodSpan, wasHeld } from './cadence';
