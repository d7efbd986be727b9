import type { FunctionName } from '../contracts';
import { activityFunction } from './handlers/activity';
import { identityFunction } from './handlers/identity';
import { lectureFunction } from './handlers/lecture';
import { pointsFunction } from './handlers/points';
import { rosterFunction } from './handlers/roster';
import type { CloudFunction } from './runtime/dispatch';

/** Every cloud function, by name: the local host serves these, and each cloud entry wraps one. */
export const functions: Record<FunctionName, CloudFunction> = {
  identity: identityFunction,
  roster: rosterFunction,
  points: pointsFunction,
  activity: activityFunction,
  lecture: lectureFunction,
};
