/** 发展党员's public face to other features: its documents, named queries and step rules. */
export * from './documents';
export * from './queries';
export * from './rules';
