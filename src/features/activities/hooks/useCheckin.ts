import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinEntry, CheckinResult } from '@contracts';
import { tokenFrom } from '@/features/activities/model/checkin-link';
import {
  checkinFailure,
  locationFailure,
  type CheckinAction,
  type CheckinFailure,
} from '@/features/activities/model/checkin-errors';
import { checkIn } from '@/features/activities/services/activity';
import { isApiRequestError } from '@/services/client';
import {
  canOpenLocationSettings,
  getLocation,
  isLocationError,
  openLocationSettings,
} from '@/features/activities/services/location';
import { canScanCode, scanCode } from '@/features/activities/services/scan';
import { openedEntry, scannedEntry } from '@/features/activities/services/checkin-entry';
import { toastError } from '@/utils/feedback';
import { go, ROUTES } from '@/utils/routes';
import { emit } from '@/utils/events';

export type CheckinState =
  | { kind: 'idle' }
  | { kind: 'working'; step: 'checking' | 'locating' }
  | { kind: 'success'; result: CheckinResult }
  | { kind: 'failure'; failure: CheckinFailure; token: string | null; entry?: CheckinEntry };

const NOT_A_CODE = '这不是签到码，请扫描支部书记出示的活动签到码';

/**
 * Signs in with a token: first without the location; when the activity has a place and the
 * server answers LOCATION_REQUIRED, reads the location and tries once more with it.
 */
async function signIn(token: string, entry: CheckinEntry | undefined, onLocating: () => void): Promise<CheckinResult> {
  try {
    return await checkIn(token, entry);
  } catch (e) {
    if (!isApiRequestError(e) || e.code !== 'LOCATION_REQUIRED') throw e;
  }
  onLocating();
  return checkIn(token, entry, await getLocation());
}

function failureOf(e: unknown): CheckinFailure {
  if (isLocationError(e)) return locationFailure(e.problem, canOpenLocationSettings);
  if (isApiRequestError(e)) return checkinFailure(e.code, e.message);
  return checkinFailure('INTERNAL');
}

/**
 * The sign-in page's state: opened with a token (`t`, or WeChat's `q`) it signs in at once;
 * otherwise it waits for a scan (WeChat) or a pasted link (browser). `act` runs a failure's next step.
 */
export function useCheckin(params: { t?: string; q?: string; scene?: string }) {
  const opened = !!(params.t || params.q || params.scene);
  const initialToken = opened ? tokenFrom(params) : null;
  const [state, setState] = useState<CheckinState>(() =>
    !opened
      ? { kind: 'idle' }
      : initialToken
        ? { kind: 'working', step: 'checking' }
        : { kind: 'failure', failure: checkinFailure('CODE_INVALID', NOT_A_CODE), token: null },
  );
  const busy = useRef(false);

  const submit = useCallback(async (token: string, entry?: CheckinEntry) => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'working', step: 'checking' });
    try {
      const result = await signIn(token, entry, () => setState({ kind: 'working', step: 'locating' }));
      setState({ kind: 'success', result });
      if (!result.already && result.points) emit('pointsChanged');
    } catch (e) {
      setState({ kind: 'failure', failure: failureOf(e), token, entry });
    } finally {
      busy.current = false;
    }
  }, []);

  // The token the page was opened with (again, should the page be reused for another link).
  useEffect(() => {
    if (initialToken) void submit(initialToken, openedEntry());
  }, [initialToken, submit]);

  /** WeChat: opens the camera scanner. Browser: back to the field for a pasted link. */
  const scan = useCallback(async () => {
    if (!canScanCode) {
      setState({ kind: 'idle' });
      return;
    }
    let scanned: string | null;
    try {
      scanned = await scanCode();
    } catch (e) {
      toastError(e);
      return;
    }
    if (scanned === null) return;
    const token = tokenFrom({ scanned });
    if (token) void submit(token, scannedEntry());
    else setState({ kind: 'failure', failure: checkinFailure('CODE_INVALID', NOT_A_CODE), token: null });
  }, [submit]);

  /** A pasted link or token; answers a message when it is not a sign-in code. */
  const submitText = useCallback(
    (text: string): string | undefined => {
      if (!text.trim()) return '请粘贴签到码链接';
      const token = tokenFrom({ scanned: text });
      if (!token) return '无法识别，请粘贴签到码下方的链接或签到码';
      void submit(token);
      return undefined;
    },
    [submit],
  );

  const act = useCallback(
    async (action: CheckinAction) => {
      const failed = state.kind === 'failure' ? state : null;
      const token = failed?.token ?? null;
      if (action === 'rescan') return scan();
      if (action === 'declare') return go(ROUTES.declare);
      if (action === 'home') return void Taro.switchTab({ url: ROUTES.home });
      if (action === 'settings' && !(await openLocationSettings())) return undefined;
      if (token) return submit(token, failed?.entry);
      return scan();
    },
    [state, scan, submit],
  );

  return { state, canScan: canScanCode, scan, submitText, act };
}

/**
 * 扫码签到 from another page (首页, an activity): WeChat scans at once and opens the sign-in page
 * with the token; a browser opens the sign-in page, which has the field for the link.
 */
export function useScanToCheckin() {
  return useCallback(async () => {
    if (!canScanCode) return go(ROUTES.checkin());
    let scanned: string | null;
    try {
      scanned = await scanCode();
    } catch (e) {
      toastError(e);
      return undefined;
    }
    if (scanned === null) return undefined;
    const token = tokenFrom({ scanned });
    if (!token) return void Taro.showToast({ title: NOT_A_CODE, icon: 'none', duration: 2500 });
    return go(ROUTES.checkin(token));
  }, []);
}
