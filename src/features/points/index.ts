/** The points' public face to other features: member and period pickers, the branches a caller may score. */
export * from './model';
export { default as PointsMemberPicker } from './components/PointsMemberPicker';
export { default as PointsPeriodPicker } from './components/PointsPeriodPicker';
export { usePointsBranches } from './hooks/usePointsBranches';
export { usePointsPeriod } from './hooks/usePointsRanking';
