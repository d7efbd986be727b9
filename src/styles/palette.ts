/**
 * The few colours that must exist as literals in code: the native window and tab bar (app
 * config) and the emblem drawn as an SVG image. They mirror theme.scss; nothing else may use them.
 */
export const palette = {
  primary: '#c8161d',
  gold: '#e6a23c',
  goldBright: '#f7d37a',
  page: '#f5f6f7',
  card: '#ffffff',
  textMuted: '#8f959e',
} as const;
