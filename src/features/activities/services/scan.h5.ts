/** A browser has no scanner here: the sign-in page offers a field for the code's link instead. */
export const canScanCode = false;

export const scanCode = (): Promise<string | null> => Promise.resolve(null);
