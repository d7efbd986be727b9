import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the demo lectures' videos, covers and catalogue are: beside this module when the host runs
 * from source, under the working directory's host/demo when it runs bundled; null when absent.
 */
export const DEMO_LECTURES_DIR: string | null =
  [join(__dirname, 'lectures'), join(__dirname, 'demo/lectures'), join(process.cwd(), 'host/demo/lectures')].find(
    (dir) => existsSync(join(dir, 'catalogue.json')),
  ) ?? null;
