/** Location in a browser: `navigator.geolocation` (WGS-84; close enough to GCJ-02 for a test on the local host). */
import { LocationError, type Coordinates } from './location-types';

export { isLocationError, LocationError, type Coordinates } from './location-types';

export const canOpenLocationSettings = false;

export function getLocation(): Promise<Coordinates> {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geo) return Promise.reject(new LocationError('unsupported'));
  return new Promise((resolve, reject) => {
    geo.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      (err) => reject(new LocationError(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable', err.message)),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 },
    );
  });
}

export const openLocationSettings = (): Promise<boolean> => Promise.resolve(false);
