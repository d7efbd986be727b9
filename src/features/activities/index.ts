/** The activities' public face to other features. */
export * from './model';
export { getMyCode } from './services/activity';
