import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../core/store/sqlite';
import { seedDemo } from '../../../host/demo/seed';
import { buildHost } from '../../../host/server';
import type { Store } from '../../../core/shared/collections';

export interface RunningHost {
  url: string;
  store: Store;
  dataDir: string;
  stop(): Promise<void>;
}

export interface HostOptions {
  /** Start with the demo data (default), or with an empty database. */
  seed?: boolean;
  /** ZHIBU_SETUP_CODE, for 初始化 of an empty database. */
  setupCode?: string;
}

/** The real local host (SQLite file, demo data, built H5 app) on a free port, in a throw-away data directory. */
export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-e2e-'));
  const store = new SqliteStore({ file: join(dataDir, 'zhibu.sqlite') });
  if (options.seed !== false) await seedDemo(store);
  const app: FastifyInstance = await buildHost({
    store,
    dataDir,
    demo: true,
    setupCode: options.setupCode,
    staticDir: join(__dirname, '../../../dist/h5'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dataDir,
    async stop() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
