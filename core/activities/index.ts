/** The activities' public face to other features: documents, named queries, who earns an activity's points, attendance labels. */
export * from './attendance-labels';
export * from './awards';
export * from './documents';
export * from './queries';
