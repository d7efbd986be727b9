/** Identity's pure public face: what the caller may do where. */
export { may, mayAnywhere, orgsWhere } from './permissions';
