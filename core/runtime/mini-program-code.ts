import type { HandlerContext } from './context';

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
 * A 小程序码 opening `page` with `scene`, as a PNG data URI, made once per `key` in this instance.
 * Null when the environment makes no 小程序码 (the local host, ZHIBU_CHECKIN_CODE=link), when this
 * instance is over its share of the rate, or when WeChat refuses: callers then show a link's QR code.
 */
export async function miniProgramCodeImage(
  ctx: HandlerContext,
  request: { key: string; scene: string; page: string },
): Promise<string | null> {
  const make = ctx.miniProgramCode;
  if (!make) return null;
  const { key, scene, page } = request;
  let image = cache.get(key);
  if (!image) {
    if (!withinRate(ctx.clock().getTime())) return null;
    image = make({ scene, page }).then((png) => `data:image/png;base64,${png.toString('base64')}`);
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
