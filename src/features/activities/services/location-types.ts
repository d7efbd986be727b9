import type { LocationProblem } from '@/features/activities/model/checkin-errors';

/** GCJ-02 coordinates (what WeChat gives and the activity's place uses). */
export interface Coordinates {
  lat: number;
  lng: number;
}

/** Thrown by `getLocation` when the position cannot be had; `problem` says why. */
export class LocationError extends Error {
  readonly problem: LocationProblem;
  /** Set on every instance, so it survives transpiled subclassing of Error. */
  readonly isLocationError = true;

  constructor(problem: LocationProblem, message = '无法获取位置') {
    super(message);
    this.name = 'LocationError';
    this.problem = problem;
  }
}

export function isLocationError(e: unknown): e is LocationError {
  return typeof e === 'object' && e !== null && (e as { isLocationError?: unknown }).isLocationError === true;
}
