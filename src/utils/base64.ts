/** Base64 of an ASCII string (btoa is not available in the mini-program runtime). */
const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Ascii(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i) & 0xff;
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) & 0xff : NaN;
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) & 0xff : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += CHARS[(n >> 18) & 63] + CHARS[(n >> 12) & 63];
    out += Number.isNaN(b) ? '=' : CHARS[(n >> 6) & 63];
    out += Number.isNaN(c) ? '=' : CHARS[n & 63];
  }
  return out;
}
