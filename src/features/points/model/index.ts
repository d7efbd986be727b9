/** The points' pure public face: how a points value reads. */
export { signed } from './points';
