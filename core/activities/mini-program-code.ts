import type { HandlerContext } from '../runtime/context';

/** The page a sign-in 小程序码 opens; WeChat hands it the token as its `scene` query. */
export const CHECKIN_PAGE = 'pages/checkin/index';

/** Per function instance, under WeChat's 5,000 wxacode.getUnlimited calls a minute for the whole app. */
export const CODE_CALLS_PER_MINUTE = 1000;
const MAX_CACHED = 200;

const cache = new Map<string, Promise<string>>();
const calls: number[] = [];

function withinRate(now: number): boolean {
  while (calls.length && calls[0] <= now - 60_000) calls.shift();
  if (calls.length >= CODE_CALLS_PER_MINUTE) return false;
  calls.push(now);
  return true;
}

/**
 * The 小程序码 of an activity's code at `step`, as a PNG data URI: one image per activity and step
 * in this instance however many screens show it, so a screen costs WeChat six calls a minute.
 * Null when the environment makes no 小程序码 (the local host), when this instance is over its
 * share of the rate, or when WeChat refuses: the screen then shows the link's QR code, which the
 * app's own scanner reads.
 */
export async function checkinMiniProgramCode(
  ctx: HandlerContext,
  activityId: string,
  step: number,
  token: string,
): Promise<string | null> {
  const make = ctx.miniProgramCode;
  if (!make) return null;
  const key = `${activityId}:${step}`;
  let image = cache.get(key);
  if (!image) {
    if (!withinRate(ctx.clock().getTime())) return null;
    image = make({ scene: token, page: CHECKIN_PAGE }).then((png) => `data:image/png;base64,${png.toString('base64')}`);
    cache.set(key, image);
    image.catch(() => cache.delete(key));
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  try {
    return await image;
  } catch (error) {
    console.error('wxacode.getUnlimited failed', error);
    return null;
  }
}

/** Forgets the cached images and calls (tests). */
export function resetMiniProgramCodes(): void {
  cache.clear();
  calls.length = 0;
}
