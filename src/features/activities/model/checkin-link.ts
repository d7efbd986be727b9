/**
 * The sign-in token from whatever reached the app: the token itself, a code's link
 * (`https://…/checkin?t=<token>`, from Taro.scanCode or a phone camera), the launch query of
 * WeChat's 扫普通链接二维码打开小程序, which passes the whole link URL-encoded as `q`, or a
 * 小程序码's `scene`: URL-encoded in the launch query, or in the path the app's scanner reads
 * (`pages/checkin/index?scene=<token>`).
 */
export function tokenFrom(input: { t?: string; q?: string; scene?: string; scanned?: string }): string | null {
  const candidates = [
    input.t,
    input.scanned,
    input.q ? safeDecode(input.q) : undefined,
    input.scene ? safeDecode(input.scene) : undefined,
  ];
  for (const raw of candidates) {
    if (!raw) continue;
    const text = raw.trim();
    const fromScene = /[?&]scene=([^&#]+)/.exec(text)?.[1];
    const fromLink = /[?&]t=([A-Za-z0-9._-]+)/.exec(text)?.[1] ?? (fromScene ? safeDecode(fromScene) : undefined);
    const token = fromLink ?? text;
    if (/^[A-Za-z0-9._-]{1,200}$/.test(token) && token.includes('.')) return token;
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
