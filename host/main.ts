import { join, resolve } from 'node:path';
import { SqliteStore } from '../core/store/sqlite';
import { seedDemo } from './demo/seed';
import { seedDevelop } from './demo/seed-develop';
import { demoModeOf, listenHostOf } from './mode';
import { buildHost } from './server';

/** `npm start`: the local host on HOST:PORT (127.0.0.1:8080) with data under DATA_DIR (./.data). */
async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const demo = demoModeOf(process.env);
  const port = Number(process.env.PORT ?? 8080);
  const host = listenHostOf(process.env);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const store = new SqliteStore({ file: join(dataDir, 'zhibu.sqlite') });
  const seeded = demo && process.env.DEMO_DATA !== '0' ? await seedDemo(store) : false;
  // Only in `npm start`'s demo: the tests' fixtures (seedDemo) keep the Party members alone.
  if (seeded) await seedDevelop(store, new Date());
  const app = await buildHost({
    store,
    dataDir,
    demo,
    staticDir: resolve(process.env.STATIC_DIR ?? 'dist/h5'),
    setupCode: process.env.ZHIBU_SETUP_CODE,
    autoCloseEveryMs: 5 * 60_000,
    sweepEveryMs: 3600_000,
  });
  await app.listen({ port, host });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(
    `支部通 local host ready on http://${shown}:${listening} in ${ms.toFixed(0)} ms (listening on ${host}:${listening}; ${demo ? 'demo mode, demo login on' : 'production mode, demo login off'}${seeded ? ', demo data created' : ''}; data in ${dataDir})`,
  );
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
