import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * The app's change events: what changed, so that lists and pages elsewhere reload. Each event
 * names its payload (none so far): `emit('pointsChanged')`, `useEvent('pointsChanged', reload)`.
 */
export interface AppEvents {
  /** An activity was created, edited, cancelled or closed. */
  activityChanged: [];
  /** Points were recorded or an entry reversed (rankings, ledgers and scores). */
  pointsChanged: [];
  /** A roster entry was created, edited, moved or deactivated. */
  rosterChanged: [];
  /** A lecture was published, unpublished or created (pickers and lists). */
  lecturesChanged: [];
}

export type AppEvent = keyof AppEvents;

const channel = (event: AppEvent): string => `zhibu:${event}`;

export function emit<E extends AppEvent>(event: E, ...args: AppEvents[E]): void {
  Taro.eventCenter.trigger(channel(event), ...args);
}

/** Calls the latest `handler` on every `event` while the component is mounted. */
export function useEvent<E extends AppEvent>(event: E, handler: (...args: AppEvents[E]) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener = (...args: AppEvents[E]) => ref.current(...args);
    Taro.eventCenter.on(channel(event), listener);
    return () => {
      Taro.eventCenter.off(channel(event), listener);
    };
  }, [event]);
}
