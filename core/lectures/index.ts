/** The lectures' public face to other features: documents, named queries and when a lecture is done. */
export * from './documents';
export * from './progress';
export * from './queries';
