// `npm run points:verify [-- --rebuild]`: checks (or repairs) every committee's point totals against
// the ledger in the local host's database (DATA_DIR, default ./.data). Exits 1 on a difference.
import { join, resolve } from 'node:path';
import { rebuildTotals, verifyTotals } from '../core/points/verify';
import type { Store } from '../core/shared/collections';
import { SqliteStore } from '../core/store/sqlite';

async function main(): Promise<number> {
  const rebuild = process.argv.includes('--rebuild');
  const file = join(resolve(process.env.DATA_DIR ?? '.data'), 'zhibu.sqlite');
  const sqlite = new SqliteStore({ file });
  const store: Store = sqlite;
  let status = 0;
  try {
    const committees = await store.query('orgs', { where: { kind: 'committee' }, limit: 1000 });
    for (const committee of committees) {
      if (rebuild) {
        const { entries, totals } = await rebuildTotals(store, committee._id);
        console.log(`${committee.name}: rebuilt ${totals} totals from ${entries} entries`);
        continue;
      }
      const report = await verifyTotals(store, committee._id);
      console.log(`${committee.name}: ${report.entries} entries, ${report.consistent ? 'consistent' : 'DIFFERENCES'}`);
      for (const d of report.differences)
        console.log(`  ${d.totals} ${d.field}: ledger ${d.expected}, stored ${d.actual}`);
      if (!report.consistent) status = 1;
    }
  } finally {
    await sqlite.close();
  }
  return status;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
