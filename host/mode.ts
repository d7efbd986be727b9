/** Environment variables (as `process.env` holds them). */
export type Environment = Record<string, string | undefined>;

/**
 * Demo mode (the demo login, demo data) only when asked for: `ZHIBU_DEMO=1`, which `npm start`
 * sets unless told `ZHIBU_DEMO=0`; never with `NODE_ENV=production`.
 */
export function demoModeOf(env: Environment): boolean {
  return env.ZHIBU_DEMO === '1' && env.NODE_ENV !== 'production';
}

/** The address to listen on: this machine only, unless the network is asked for (`HOST=0.0.0.0`). */
export function listenHostOf(env: Environment): string {
  return env.HOST || '127.0.0.1';
}
