import { join, resolve } from 'node:path';
import { SqliteStore } from '../core/store/sqlite';
import { seedDemo } from './demo/seed';
import { buildHost } from './server';

/** `npm start`: the local host on PORT (8080) with data under DATA_DIR (./.data). */
async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const dev = process.env.NODE_ENV !== 'production';
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const store = new SqliteStore({ file: join(dataDir, 'zhibu.sqlite') });
  const seeded = dev && process.env.DEMO_DATA !== '0' ? await seedDemo(store) : false;
  const app = await buildHost({
    store,
    dataDir,
    dev,
    staticDir: resolve(process.env.STATIC_DIR ?? 'dist/h5'),
    autoCloseEveryMs: 5 * 60_000,
  });
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(
    `支部通 local host ready on http://localhost:${port} in ${ms.toFixed(0)} ms (${dev ? 'development, demo login on' : 'production'}${seeded ? ', demo data created' : ''}; data in ${dataDir})`,
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
