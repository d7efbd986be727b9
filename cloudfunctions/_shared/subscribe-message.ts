import { parseTemplates, type SubscribeGateway } from '../../core/notices/subscribe';

/** What is used of wx-server-sdk's `cloud.openapi` (typed `Record<string, any>` by the SDK). */
export interface SubscribeApi {
  subscribeMessage: {
    send(request: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState: 'formal' | 'trial' | 'developer';
    }): Promise<{ errCode?: number; errMsg?: string }>;
  };
}

const STATES = { release: 'formal', trial: 'trial', develop: 'developer' } as const;

/**
 * Subscribe messages through `cloud.openapi` (declared in the notice function's config.json), with the
 * templates of `ZHIBU_SUBSCRIBE_TEMPLATES`; none configured → none (nothing is sent). The message opens
 * the version `ZHIBU_WXACODE_ENV` names, as the 小程序码 do. The SDK throws WeChat's refusals (with
 * `errCode`): they come back as answers, so that 43101 is an outcome like any other.
 */
export function cloudSubscribe(
  openapi: SubscribeApi,
  env: Record<string, string | undefined>,
): SubscribeGateway | undefined {
  const templates = parseTemplates(env.ZHIBU_SUBSCRIBE_TEMPLATES);
  if (Object.keys(templates).length === 0) return undefined;
  const miniprogramState = STATES[(env.ZHIBU_WXACODE_ENV ?? 'release') as keyof typeof STATES] ?? STATES.release;
  return {
    templates,
    async send(message) {
      try {
        const result = await openapi.subscribeMessage.send({ ...message, miniprogramState });
        return { errcode: result.errCode ?? 0, errmsg: result.errMsg };
      } catch (error) {
        const errcode = (error as { errCode?: unknown }).errCode;
        if (typeof errcode === 'number') return { errcode, errmsg: (error as { errMsg?: string }).errMsg };
        throw error;
      }
    },
  };
}
