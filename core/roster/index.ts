/** The roster's public face to other features: its documents, named queries, scope rules and phone keys. */
export * from './documents';
export * from './phone-keys';
export * from './queries';
export * from './scope';
