/** The activities' pure public face: tag tones and code refresh timing. */
export { msUntilRefresh } from './activities';
export type { TagTone } from './my-activities';
