/** Identity's public face to other features: its documents, named queries and 我的数据 (its sheet: ./sheets). */
export * from './documents';
export * from './my-data';
export * from './queries';
