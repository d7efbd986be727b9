/** The tasks' public face: the notice timer reads tasks and their occurrences through these. */
export { completionsOf, tasksOfCommittee } from './queries';
export { currentOccurrence, daysBetween } from './occurrence';
