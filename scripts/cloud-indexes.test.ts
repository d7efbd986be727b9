import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { COLLECTIONS } from '../core/store/schema';
import { consoleCollections, consoleInstructions } from './cloud-indexes';

describe('npm run cloud:indexes', () => {
  it('names every collection and every declared index, fields in order', () => {
    const collections = consoleCollections();
    expect(collections.map((c) => c.name)).toEqual(Object.keys(COLLECTIONS));
    for (const collection of collections)
      expect(collection.indexes.map((i) => i.fields)).toEqual(
        COLLECTIONS[collection.name as keyof typeof COLLECTIONS].indexes.map((fields) => [...fields]),
      );
    const text = consoleInstructions(collections);
    expect(text).toContain('集合 members');
    expect(text).toContain('  索引名称 branchId_status_name：branchId 升序，status 升序，name 升序');
    expect(text).toContain('集合 secrets（无需索引）');
  });

  it('gives index names the console accepts, unique within their collection', () => {
    for (const collection of consoleCollections()) {
      for (const index of collection.indexes) expect(index.name).toMatch(/^[A-Za-z0-9_]{1,64}$/);
      const names = collection.indexes.map((i) => i.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('a dotted field becomes an underscore in the name, not in the field', () => {
    const [collection] = consoleCollections({ things: { indexes: [['total.net', 'year']] } });
    expect(collection.indexes).toEqual([{ name: 'total_net_year', fields: ['total.net', 'year'] }]);
  });

  it('runs as a command and prints JSON with --json', () => {
    const out = execFileSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, 'cloud-indexes.ts'), '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(consoleCollections());
  });
});
