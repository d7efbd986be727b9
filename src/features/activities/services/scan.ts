/**
 * Platform switch for scanning a QR code (see transport.ts): `scan.weapp.ts` opens WeChat's
 * camera scanner; `scan.h5.ts` has none (the page shows a field to paste the code's link).
 * This file is what TypeScript sees.
 */

/** Whether this platform has a camera scanner. */
export const canScanCode = false;

/** The scanned text, or null when the user closed the scanner. */
export const scanCode = (): Promise<string | null> => Promise.resolve(null);
