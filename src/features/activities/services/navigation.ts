/**
 * Platform switch for 导航 to an activity's place (see transport.ts): WeChat builds pick
 * `navigation.weapp.ts` (`openLocation`, WeChat's own map with its route button); this file is what
 * TypeScript sees and the H5 build's: a map link opened in a new tab.
 */
import { mapLink } from '@/features/activities/model/my-activities';

export interface MapPlace {
  name: string;
  /** GCJ-02, as the activity stores it. */
  lat: number;
  lng: number;
}

/** The link the H5 page opens (shown on the button for the browser tests); null where WeChat's map is used. */
export const placeLink = (place: MapPlace): string | null => mapLink(place);

export function openPlace(place: MapPlace): void {
  window.open(mapLink(place), '_blank', 'noopener');
}
