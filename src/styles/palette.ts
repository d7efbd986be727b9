/**
 * The few colours that must exist as literals in code: the native window and tab bar (app
 * config), the emblem and QR codes drawn as SVG images, and the 身份卡 picture drawn on a canvas.
 * They mirror theme.scss; nothing else may use them.
 */
export const palette = {
  primary: '#c8161d',
  primaryDark: '#a10f15',
  gold: '#e6a23c',
  goldBright: '#f7d37a',
  page: '#f5f6f7',
  card: '#ffffff',
  text: '#1f2329',
  textMuted: '#8f959e',
} as const;
