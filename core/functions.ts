import type { FunctionName } from '../contracts';
import { activityFunction } from './activities/function';
import { identityFunction } from './identity/function';
import { lectureFunction } from './lectures/function';
import { pointsFunction } from './points/function';
import { rosterFunction } from './roster/function';
import type { CloudFunction } from './runtime/dispatch';

/** Every cloud function, by name: the local host serves these, and each cloud entry wraps one. */
export const functions: Record<FunctionName, CloudFunction> = {
  identity: identityFunction,
  roster: rosterFunction,
  points: pointsFunction,
  activity: activityFunction,
  lecture: lectureFunction,
};
