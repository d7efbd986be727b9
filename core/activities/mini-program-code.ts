import type { HandlerContext } from '../runtime/context';
import { miniProgramCodeImage } from '../runtime/mini-program-code';

export { CODE_CALLS_PER_MINUTE, resetMiniProgramCodes } from '../runtime/mini-program-code';

/** The page a sign-in 小程序码 opens; WeChat hands it the token as its `scene` query. */
export const CHECKIN_PAGE = 'pages/checkin/index';

/**
 * The 小程序码 of an activity's code at `step`: one image per activity and step in this instance
 * however many screens show it, so a screen costs WeChat six calls a minute. Null where the screen
 * shows the link's QR code instead, which the app's own scanner reads.
 */
export function checkinMiniProgramCode(
  ctx: HandlerContext,
  activityId: string,
  step: number,
  token: string,
): Promise<string | null> {
  return miniProgramCodeImage(ctx, { key: `checkin:${activityId}:${step}`, scene: token, page: CHECKIN_PAGE });
}
