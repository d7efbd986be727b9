/**
 * Platform switch for how the sign-in page was reached (see transport.ts): `checkin-entry.weapp.ts`
 * reports WeChat's entry scene or the app's own scanner; a browser cannot tell and reports nothing.
 * This file is what TypeScript sees, and the H5 build's fallback.
 */
import type { CheckinEntry } from '@contracts';

/** The page was opened with a code (a link's `t` or `q`). */
export const openedEntry = (): CheckinEntry | undefined => undefined;

/** The app's own camera scanner read the code. */
export const scannedEntry = (): CheckinEntry | undefined => undefined;
