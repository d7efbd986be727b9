/**
 * Platform switch for 组织者扫码 (see transport.ts): WeChat builds pick `scan-member.weapp.ts`
 * (the camera); elsewhere the page offers a field to paste the member's code. This file is what
 * TypeScript sees, and the H5 build's fallback.
 */

/** Whether this platform can scan with the camera. */
export const canScanWithCamera = false;

/** Scans a code and resolves its text; null when the user cancels. */
export const scanCodeText = (): Promise<string | null> => Promise.resolve(null);
