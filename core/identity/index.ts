/** Identity's public face to other features: its documents, named queries and 我的数据 (collection and sheet). */
export * from './documents';
export * from './my-data';
export * from './my-data-sheet';
export * from './queries';
