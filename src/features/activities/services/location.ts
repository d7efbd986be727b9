/**
 * Platform switch for the location (see transport.ts): the build picks `location.weapp.ts`
 * (`Taro.getLocation`) or `location.h5.ts` (the browser's geolocation). This file is what
 * TypeScript sees, and what any other platform would get.
 */
import { LocationError, type Coordinates } from './location-types';

export { isLocationError, LocationError, type Coordinates } from './location-types';

/** Whether a refused permission can be changed from inside the app (WeChat's settings page). */
export const canOpenLocationSettings = false;

/** The current position, for a sign-in that must happen on site; rejects with a LocationError. */
export const getLocation = (): Promise<Coordinates> => Promise.reject(new LocationError('unsupported'));

/** Opens the settings where the location permission is granted; resolves whether it is now granted. */
export const openLocationSettings = (): Promise<boolean> => Promise.resolve(false);
