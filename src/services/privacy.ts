/**
 * WeChat's privacy check (`__usePrivacyCheck__`): before the first location, file or media request
 * WeChat asks the app, through `onNeedPrivacyAuthorization`, to show its privacy notice; the request
 * waits until the user agrees (a button with open-type="agreePrivacyAuthorization") or declines.
 * The app listens once (app.ts); every page's PrivacyPopup shows the notice while a request waits.
 */
import Taro from '@tarojs/taro';
import { createStore } from '@/utils/store';

type Resolve = Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0];

/** The agree button's id: WeChat checks that the button resolve() names was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'zb-privacy-agree';

let waiting: Resolve[] = [];
/** Whether a privacy request waits for the user's answer. */
export const privacyRequest = createStore(false);

/** Registers the listener (once, at start; WeChat only). */
export function listenForPrivacyRequests(): void {
  Taro.onNeedPrivacyAuthorization((resolve) => {
    waiting.push(resolve);
    // Tell WeChat the notice is on screen.
    resolve({ event: 'exposureAuthorization' });
    privacyRequest.set(true);
  });
}

/** The user's answer: every waiting request continues (agreed) or fails (declined). */
export function answerPrivacyRequest(agreed: boolean): void {
  const answered = waiting;
  waiting = [];
  privacyRequest.set(false);
  for (const resolve of answered)
    resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
}
