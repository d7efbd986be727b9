/**
 * 关怀模式's starting value: the member's stored choice, else WeChat's own font size
 * (wx.getAppBaseInfo), which only the mini-program can read.
 */
import type * as ReactModule from 'react';
import { isLargeWeChatFont, type WeChatFont } from './useCareMode';
import type * as CareModeModule from './useCareMode';

let stored: unknown = '';
let font: WeChatFont | (() => never) = {};

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: () => stored,
    setStorageSync: (_key: string, value: unknown) => {
      stored = value;
    },
    getAppBaseInfo: () => (typeof font === 'function' ? font() : font),
  },
}));

/** The store's first value, as a fresh launch on `taroEnv` reads it. */
function startsOn(taroEnv: 'weapp' | undefined): boolean {
  // Taro's typing makes TARO_ENV always set; a jest run has none (as H5 here: not WeChat).
  const env = process.env as Record<string, string | undefined>;
  const before = env.TARO_ENV;
  const set = (value: string | undefined) => (value === undefined ? delete env.TARO_ENV : (env.TARO_ENV = value));
  set(taroEnv);
  let on = false;
  try {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports -- a fresh module (and React) per launch */
      const careMode = require('./useCareMode') as typeof CareModeModule;
      const react = require('react') as typeof ReactModule;
      /* eslint-enable @typescript-eslint/no-require-imports */
      // Outside React, useSyncExternalStore's snapshot is the store's value.
      const spy = jest.spyOn(react, 'useSyncExternalStore').mockImplementation((_subscribe, get) => get());
      on = careMode.useCareMode()[0];
      spy.mockRestore();
    });
  } finally {
    set(before);
  }
  return on;
}

beforeEach(() => {
  stored = '';
  font = {};
});

describe('isLargeWeChatFont', () => {
  it('is on two steps above standard', () => {
    expect(isLargeWeChatFont({ fontSizeScaleFactor: 1, fontSizeSetting: 17 })).toBe(false);
    expect(isLargeWeChatFont({ fontSizeScaleFactor: 1.06, fontSizeSetting: 18 })).toBe(false);
    expect(isLargeWeChatFont({ fontSizeScaleFactor: 1.12, fontSizeSetting: 18 })).toBe(true);
    expect(isLargeWeChatFont({ fontSizeScaleFactor: 1.4, fontSizeSetting: 24 })).toBe(true);
  });

  it('uses the size in px when WeChat gives no factor, and nothing means standard', () => {
    expect(isLargeWeChatFont({ fontSizeSetting: 16 })).toBe(false);
    expect(isLargeWeChatFont({ fontSizeSetting: 20 })).toBe(true);
    expect(isLargeWeChatFont({})).toBe(false);
    expect(isLargeWeChatFont(null)).toBe(false);
  });
});

describe('the first value of 关怀模式', () => {
  it('follows WeChat’s font size in the mini-program until the member chooses', () => {
    font = { fontSizeSetting: 22, fontSizeScaleFactor: 1.29 };
    expect(startsOn('weapp')).toBe(true);
    font = { fontSizeSetting: 17, fontSizeScaleFactor: 1 };
    expect(startsOn('weapp')).toBe(false);
  });

  it('keeps the member’s own choice either way', () => {
    font = { fontSizeSetting: 22, fontSizeScaleFactor: 1.29 };
    stored = false;
    expect(startsOn('weapp')).toBe(false);
    font = { fontSizeSetting: 17, fontSizeScaleFactor: 1 };
    stored = true;
    expect(startsOn('weapp')).toBe(true);
  });

  it('is off where WeChat cannot say (H5, an old base library)', () => {
    font = { fontSizeSetting: 22, fontSizeScaleFactor: 1.29 };
    expect(startsOn(undefined)).toBe(false);
    font = () => {
      throw new TypeError('getAppBaseInfo is not a function');
    };
    expect(startsOn('weapp')).toBe(false);
  });
});
