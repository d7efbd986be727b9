/**
 * useReloadOnShow rendered by hand: `useRef` keeps its boxes across renders in call order, and
 * `useDidShow` hands its callback to the test the way Taro calls the latest one on each show.
 */
let refs: Array<{ current: unknown }> = [];
let refIndex = 0;
let onShow: (() => void) | undefined;

jest.mock('react', () => ({
  useRef: (initial: unknown) => {
    refs[refIndex] ??= { current: initial };
    return refs[refIndex++];
  },
}));
jest.mock('@tarojs/taro', () => ({
  useDidShow: (callback: () => void) => {
    onShow = callback;
  },
}));

import { useReloadOnShow } from './useReloadOnShow';

/** One render of a component that uses the hook (called as a plain function: React is mocked). */
const reloadOnShow = useReloadOnShow;
function render(reload: () => unknown, enabled?: boolean): void {
  refIndex = 0;
  reloadOnShow(reload, enabled);
}

beforeEach(() => {
  refs = [];
  onShow = undefined;
});

describe('useReloadOnShow', () => {
  it('skips the first show and reloads on each later one', () => {
    const reload = jest.fn();
    render(reload);
    onShow?.();
    expect(reload).not.toHaveBeenCalled();
    onShow?.();
    onShow?.();
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('calls the latest callback and follows `enabled`', () => {
    const first = jest.fn();
    const second = jest.fn();
    render(first, false);
    onShow?.();
    onShow?.();
    expect(first).not.toHaveBeenCalled();
    render(second, true);
    onShow?.();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
