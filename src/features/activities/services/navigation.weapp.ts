/** WeChat: the activity's place on WeChat's map, whose 到这去 button starts the route (openLocation). */
import Taro from '@tarojs/taro';
import type { MapPlace } from './navigation';

export type { MapPlace } from './navigation';

export const placeLink = (_place: MapPlace): string | null => null;

export function openPlace(place: MapPlace): void {
  void Taro.openLocation({ latitude: place.lat, longitude: place.lng, name: place.name, scale: 16 }).catch(() =>
    Taro.showToast({ title: '无法打开地图', icon: 'none' }),
  );
}
