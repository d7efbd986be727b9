/**
 * Platform switch. The build resolves `./transport` to `transport.weapp.ts` (cloud functions) or
 * `transport.h5.ts` (HTTP to the local host), so each bundle carries only its own transport.
 * This file is what TypeScript sees, and what any other platform would get.
 */
import { ApiRequestError } from './errors';
import type { Transport } from './transport-types';

export const transport: Transport = {
  invoke() {
    return Promise.reject(new ApiRequestError('INTERNAL', `当前平台（${process.env.TARO_ENV}）暂不支持`));
  },
};
