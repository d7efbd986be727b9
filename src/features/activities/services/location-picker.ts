/**
 * Platform switch for choosing an activity's place (see transport.ts): WeChat builds pick
 * `location-picker.weapp.ts` (the map chooser); elsewhere the form shows plain number inputs.
 * This file is what TypeScript sees, and the H5 build's fallback.
 */

export interface PickedLocation {
  name: string;
  /** GCJ-02, as WeChat's map gives it. */
  lat: number;
  lng: number;
}

/** Whether this platform has a map chooser (otherwise the form asks for latitude and longitude). */
export const canPickLocation = false;

/** Opens the map chooser; resolves null when the user cancels. */
export const pickLocation = (): Promise<PickedLocation | null> => Promise.resolve(null);
