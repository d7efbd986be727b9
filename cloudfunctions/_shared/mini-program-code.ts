import type { HandlerContext } from '../../core/runtime/context';

/** What is used of wx-server-sdk's `cloud.openapi` (typed `Record<string, any>` by the SDK). */
export interface WxacodeApi {
  wxacode: {
    getUnlimited(request: {
      scene: string;
      page: string;
      checkPath: boolean;
      envVersion: 'release' | 'trial' | 'develop';
    }): Promise<{ buffer?: Buffer | Uint8Array; errCode?: number; errMsg?: string }>;
  };
}

const ENV_VERSIONS = ['release', 'trial', 'develop'] as const;

/**
 * 小程序码 through `cloud.openapi` (declared in the activity function's config.json), unless the
 * environment asks for link codes (`ZHIBU_CHECKIN_CODE=link`, for a committee with a domain of its
 * own). `ZHIBU_WXACODE_ENV` says which version the code opens: `release` (default) or, while
 * testing before the first release, `trial` / `develop`. `checkPath` is off, so that a code works
 * before the page is published.
 */
export function cloudMiniProgramCode(
  openapi: WxacodeApi,
  env: Record<string, string | undefined>,
): HandlerContext['miniProgramCode'] {
  if (env.ZHIBU_CHECKIN_CODE === 'link') return undefined;
  const envVersion = ENV_VERSIONS.find((v) => v === env.ZHIBU_WXACODE_ENV) ?? 'release';
  return async ({ scene, page }) => {
    const result = await openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion });
    if (result.errCode || !result.buffer)
      throw new Error(`wxacode.getUnlimited failed: ${result.errCode ?? 'no image'} ${result.errMsg ?? ''}`.trim());
    return Buffer.from(result.buffer);
  };
}
