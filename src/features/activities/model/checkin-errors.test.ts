import type { CheckinResult } from '@contracts';
import { SCAN_REQUIRED_MESSAGE } from '@contracts/labels/activity';
import { checkinFailure, checkinSuccessView, locationFailure } from './checkin-errors';

describe('checkinFailure', () => {
  it('asks for the newest code when the code expired, and offers to scan again', () => {
    const f = checkinFailure('CODE_EXPIRED', '签到码已过期，请扫描屏幕上的最新签到码');
    expect(f).toMatchObject({ code: 'CODE_EXPIRED', title: '签到码已过期', action: 'rescan', actionText: '重新扫码' });
    expect(f.hint).toContain('请扫描屏幕上的最新签到码');
  });

  it('sends someone not on the list to the secretary', () => {
    const f = checkinFailure('NOT_EXPECTED', '您不在本次活动的应到名单中，请联系支部书记');
    expect(f.title).toBe('不在应到名单');
    expect(f.hint).toContain('请联系支部书记');
    expect(f.action).toBe('home');
  });

  it('asks for a camera scan when the page was reached from a relayed code, with 补签 as the alternative', () => {
    const f = checkinFailure('SCAN_REQUIRED', SCAN_REQUIRED_MESSAGE);
    expect(f).toMatchObject({ title: '请扫码签到', action: 'rescan', actionText: '重新扫码' });
    expect(f.hint).toContain('扫一扫');
    expect(f.hint).toContain('补签');
  });

  it('offers 亮身份 to a visitor', () => {
    expect(checkinFailure('NOT_MEMBER')).toMatchObject({ action: 'declare', actionText: '去亮身份' });
  });

  it.each([
    ['SIGNIN_NOT_OPEN', '签到尚未开始，11月23日 13:30 开放签到'],
    ['OUT_OF_RANGE', '您不在签到范围内：距「党群服务中心」约 820 米，签到范围 300 米'],
    ['SIGNIN_CLOSED', '签到时间已过，如需补签请联系书记'],
  ])('keeps the server’s specific message for %s', (code, message) => {
    expect(checkinFailure(code, message).hint.startsWith(message)).toBe(true);
  });

  it('falls back to its own hint when the server says nothing', () => {
    expect(checkinFailure('OUT_OF_RANGE').hint).toBe('请到活动地点后再签到。不便定位时，可请支部书记补签。');
    expect(checkinFailure('SIGNIN_CLOSED', '  ').hint).toContain('联系支部书记');
  });

  it.each(['CODE_INVALID', 'SIGNIN_NOT_OPEN', 'LOCATION_REQUIRED', 'UNAUTHENTICATED', 'NETWORK'])(
    'has a title and an action for %s',
    (code) => {
      const f = checkinFailure(code);
      expect(f.title).not.toBe('签到失败');
      expect(f.actionText).toBeTruthy();
    },
  );

  it('handles an unknown code with the server’s message and a retry', () => {
    expect(checkinFailure('INTERNAL', '服务暂时不可用')).toMatchObject({
      code: 'INTERNAL',
      title: '签到失败',
      hint: '服务暂时不可用。如仍无法签到，可请支部书记补签。',
      action: 'retry',
    });
  });
});

/** Every sign-in has a manual alternative (国办 2026: no forced 打卡签到): the hint names it. */
describe('the manual alternative', () => {
  const LOCATION = '不便定位时，可请支部书记补签。';
  it.each([
    ['OUT_OF_RANGE', '您不在签到范围内：距「党群服务中心」约 820 米，签到范围 300 米', LOCATION],
    ['OUT_OF_RANGE', undefined, LOCATION],
    ['LOCATION_REQUIRED', undefined, LOCATION],
    ['CODE_EXPIRED', '签到码已过期，请扫描屏幕上的最新签到码', '扫码不便时，可请支部书记补签。'],
    ['CODE_INVALID', '签到码不属于本次活动', '扫码不便时，可请支部书记补签。'],
    ['NETWORK', undefined, '网络不通时，可请支部书记补签。'],
    ['INTERNAL', '服务暂时不可用', '如仍无法签到，可请支部书记补签。'],
  ])('%s (server: %p) ends with %p', (code, message, alternative) => {
    const { hint } = checkinFailure(code, message);
    expect(hint.endsWith(alternative)).toBe(true);
    expect(hint.split('补签').length - 1).toBe(1);
  });

  it.each(['denied', 'unavailable', 'unsupported'] as const)('a location that cannot be read (%s)', (problem) => {
    for (const canOpenSettings of [true, false])
      expect(locationFailure(problem, canOpenSettings).hint.endsWith(LOCATION)).toBe(true);
  });

  it('is not repeated when the server’s message already offers 补签', () => {
    expect(checkinFailure('SIGNIN_CLOSED', '签到时间已过，如需补签请联系书记').hint).toBe(
      '签到时间已过，如需补签请联系书记',
    );
  });

  it.each([
    ['SIGNIN_NOT_OPEN', '签到尚未开始，11月23日 13:30 开放签到'],
    ['NOT_MEMBER', undefined],
    ['NOT_EXPECTED', undefined],
  ])('is not offered where 补签 does not apply (%s)', (code, message) => {
    expect(checkinFailure(code, message).hint).not.toContain('补签');
  });
});

describe('locationFailure', () => {
  it('sends a WeChat user to the settings after a refusal', () => {
    expect(locationFailure('denied', true)).toMatchObject({ code: 'LOCATION_REQUIRED', action: 'settings' });
  });

  it('explains the browser’s site settings and offers a retry', () => {
    const f = locationFailure('denied', false);
    expect(f.action).toBe('retry');
    expect(f.hint).toContain('网站设置');
  });

  it('asks to switch the location service on when the position is unavailable', () => {
    expect(locationFailure('unavailable', true).hint).toContain('定位服务');
    expect(locationFailure('unsupported', false).action).toBe('home');
  });
});

describe('checkinSuccessView', () => {
  const result: CheckinResult = {
    status: 'present',
    at: '2026-11-23T06:02:00.000Z',
    already: false,
    activityId: 'a1',
    title: '第四季度支部党员大会',
    points: 2,
    memberName: '张伟',
  };

  it('shows the China time of the sign-in and the points', () => {
    expect(checkinSuccessView(result)).toEqual({
      heading: '签到成功',
      time: '14:02 签到',
      late: false,
      points: '+2 分',
      repeatNote: '',
    });
  });

  it('says 迟到 with the minutes from the start, never a clock time that reads as a duration', () => {
    const view = checkinSuccessView({
      ...result,
      status: 'late',
      at: '2026-11-23T11:07:40.000Z',
      startAt: '2026-11-23T11:00:00.000Z',
    });
    expect(view).toMatchObject({ heading: '签到成功', time: '19:07 签到 · 迟到 7 分钟', late: true, points: '+2 分' });
    expect(view.time).not.toMatch(/迟到 \d{2}:\d{2}/);
    // From a function that does not send the start yet: 迟到 alone.
    expect(checkinSuccessView({ ...result, status: 'late', at: '2026-11-23T11:07:00.000Z' }).time).toBe(
      '19:07 签到 · 迟到',
    );
  });

  it('a repeated scan says 已签到 once, with the first time and no points again', () => {
    const view = checkinSuccessView({
      ...result,
      already: true,
      status: 'late',
      at: '2026-11-23T06:09:00.000Z',
      startAt: '2026-11-23T06:00:00.000Z',
    });
    expect(view).toEqual({
      heading: '已签到',
      time: '14:09 签到 · 迟到 9 分钟',
      late: true,
      points: '',
      repeatNote: '重复扫码不会重复计分',
    });
    const text = [view.heading, view.time, view.repeatNote].join(' ');
    expect(text.match(/已签到/g)).toHaveLength(1);
    expect(text.match(/14:09/g)).toHaveLength(1);
  });

  it('shows no points when none were earned', () => {
    expect(checkinSuccessView({ ...result, points: 0 }).points).toBe('');
  });
});
