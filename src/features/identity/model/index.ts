/** Identity's pure public face: what the caller may do where. */
export { mayAnywhere, orgsWhere } from './permissions';
