/** What the sign-in screen says for each refusal, and what it offers to do next. Pure: no Taro. */
import type { CheckinResult } from '@contracts';
import { SCAN_REQUIRED_MESSAGE } from '@contracts/labels/activity';
import { clockTime } from './my-activities';

/**
 * The next step a failure offers: scan again, 亮身份, try the same code again, open the location
 * settings (WeChat), or nothing but going home.
 */
export type CheckinAction = 'rescan' | 'declare' | 'retry' | 'settings' | 'home';

export interface CheckinFailure {
  /** The server's error code (or NETWORK / LOCATION_REQUIRED from the client). */
  code: string;
  title: string;
  hint: string;
  action: CheckinAction;
  actionText: string;
}

interface Entry {
  title: string;
  /** Used when the server gives no message, or its message is less helpful than ours. */
  hint: string;
  /** The server's message says more (a time, a distance): prefer it. */
  preferServer?: boolean;
  /** The manual alternative, added after the hint unless the hint already offers 补签. */
  alternative?: string;
  action: CheckinAction;
}

/**
 * Every sign-in has a manual alternative (the 2026 国办 rules forbid forced 打卡签到): where scanning
 * or locating fails, the screen says the secretary can sign the member in by hand (补签).
 */
const BY_HAND = {
  location: '不便定位时，可请支部书记补签。',
  code: '扫码不便时，可请支部书记补签。',
  network: '网络不通时，可请支部书记补签。',
  closed: '如需补签，请联系支部书记。',
  other: '如仍无法签到，可请支部书记补签。',
} as const;

/** The hint and, unless it already offers 补签, the alternative after it (a full stop between). */
function withAlternative(hint: string, alternative: string | undefined): string {
  if (!alternative || hint.includes('补签')) return hint;
  return `${hint}${/[。！？.!?]$/.test(hint) ? '' : '。'}${alternative}`;
}

const ACTION_TEXT: Record<CheckinAction, string> = {
  rescan: '重新扫码',
  declare: '去亮身份',
  retry: '重试',
  settings: '去设置',
  home: '返回首页',
};

const FAILURES: Record<string, Entry> = {
  CODE_EXPIRED: {
    title: '签到码已过期',
    hint: '请扫描屏幕上的最新签到码。签到码几秒一换，截图或转发的码很快失效。',
    alternative: BY_HAND.code,
    action: 'rescan',
  },
  CODE_INVALID: {
    title: '签到码无效',
    hint: '请扫描支部书记出示的活动签到码。',
    preferServer: true,
    alternative: BY_HAND.code,
    action: 'rescan',
  },
  SIGNIN_NOT_OPEN: { title: '签到尚未开始', hint: '请在签到开放后再扫码。', preferServer: true, action: 'rescan' },
  SIGNIN_CLOSED: {
    title: '签到已结束',
    hint: '签到时间已过，如需补签请联系支部书记。',
    preferServer: true,
    alternative: BY_HAND.closed,
    action: 'home',
  },
  // The server says why: not on the list, or a meeting that is the Party members' own (支委会 …).
  NOT_EXPECTED: {
    title: '不在应到名单',
    hint: '您不在本次活动的应到名单中，请联系支部书记。',
    preferServer: true,
    action: 'home',
  },
  NOT_MEMBER: {
    title: '还不是在册党员',
    hint: '请先亮身份，经支部书记审核通过后即可扫码签到。',
    action: 'declare',
  },
  OUT_OF_RANGE: {
    title: '不在签到范围内',
    hint: '请到活动地点后再签到。',
    preferServer: true,
    alternative: BY_HAND.location,
    action: 'retry',
  },
  LOCATION_REQUIRED: {
    title: '需要确认您的位置',
    hint: '本次活动需要定位签到，请允许获取您的位置后重试。',
    alternative: BY_HAND.location,
    action: 'retry',
  },
  SCAN_REQUIRED: {
    title: '请扫码签到',
    hint: SCAN_REQUIRED_MESSAGE,
    alternative: BY_HAND.code,
    action: 'rescan',
  },
  UNAUTHENTICATED: { title: '登录已失效', hint: '请重新打开支部通后再扫码签到。', action: 'retry' },
  NETWORK: { title: '网络不通', hint: '请检查网络后重试。', alternative: BY_HAND.network, action: 'retry' },
  CONFLICT: { title: '无法签到', hint: '请联系支部书记。', preferServer: true, action: 'home' },
};

const FALLBACK: Entry = {
  title: '签到失败',
  hint: '出了点问题，请稍后重试。',
  preferServer: true,
  alternative: BY_HAND.other,
  action: 'retry',
};

/** The screen for a refusal: a fixed title per code, our hint or the server's more specific one. */
export function checkinFailure(code: string, serverMessage?: string): CheckinFailure {
  const entry = FAILURES[code] ?? FALLBACK;
  const message = serverMessage?.trim();
  const hint = withAlternative(entry.preferServer && message ? message : entry.hint, entry.alternative);
  return { code, title: entry.title, hint, action: entry.action, actionText: ACTION_TEXT[entry.action] };
}

/** Why the location could not be read: permission refused, or the phone/browser could not tell. */
export type LocationProblem = 'denied' | 'unavailable' | 'unsupported';

/**
 * The screen when the activity needs the location and the app could not get it. In WeChat a refused
 * permission is changed in the mini-program's settings (`去设置`); in a browser in the site settings.
 */
export function locationFailure(problem: LocationProblem, canOpenSettings: boolean): CheckinFailure {
  const base = { code: 'LOCATION_REQUIRED', title: '需要确认您的位置' };
  if (problem === 'denied') {
    return canOpenSettings
      ? {
          ...base,
          title: '需要位置权限',
          hint: withAlternative(
            '本次活动需要定位签到。请点「去设置」，打开「位置信息」，返回后将自动重试。',
            BY_HAND.location,
          ),
          action: 'settings',
          actionText: ACTION_TEXT.settings,
        }
      : {
          ...base,
          title: '需要位置权限',
          hint: withAlternative(
            '本次活动需要定位签到。请在浏览器地址栏左侧的网站设置中允许“位置”，再点「重试」。',
            BY_HAND.location,
          ),
          action: 'retry',
          actionText: ACTION_TEXT.retry,
        };
  }
  if (problem === 'unsupported')
    return {
      ...base,
      hint: withAlternative('当前浏览器无法获取位置，请在微信中打开支部通扫码签到。', BY_HAND.location),
      action: 'home',
      actionText: ACTION_TEXT.home,
    };
  return {
    ...base,
    hint: withAlternative('没能获取您的位置：请打开手机的定位服务（GPS），到信号较好的地方后重试。', BY_HAND.location),
    action: 'retry',
    actionText: ACTION_TEXT.retry,
  };
}

/** Whole minutes from the activity's start to the sign-in (at least 1: a late sign-in is after the grace). */
export function minutesLate(at: string, startAt: string | undefined): number | null {
  if (!startAt) return null;
  const ms = Date.parse(at) - Date.parse(startAt);
  if (Number.isNaN(ms)) return null;
  return Math.max(1, Math.floor(ms / 60_000));
}

export interface CheckinSuccessView {
  /** `签到成功`, or `已签到` for a repeated scan. */
  heading: string;
  /** `19:02 签到`, or `19:07 签到 · 迟到 7 分钟` (the clock time, and how late from the start). */
  time: string;
  late: boolean;
  /** `+2 分` on the first sign-in only: a repeated scan awards nothing. */
  points: string;
  /** Under a repeated scan: why there are no points this time. */
  repeatNote: string;
}

/** The lines of the success screen. */
export function checkinSuccessView(result: CheckinResult): CheckinSuccessView {
  const clock = clockTime(result.at);
  const late = result.status === 'late';
  const minutes = late ? minutesLate(result.at, result.startAt) : null;
  const lateText = late ? (minutes ? `迟到 ${minutes} 分钟` : '迟到') : '';
  return {
    heading: result.already ? '已签到' : '签到成功',
    time: [clock ? `${clock} 签到` : '', lateText].filter(Boolean).join(' · '),
    late,
    points: !result.already && result.points > 0 ? `+${result.points} 分` : '',
    repeatNote: result.already ? '重复扫码不会重复计分' : '',
  };
}
