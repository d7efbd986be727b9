/**
 * `npm run cloud:indexes`: what to create in the CloudBase console (云开发控制台 → 数据库), from
 * core/store/schema.ts. wx-server-sdk can create collections but not indexes, so the indexes every
 * query relies on (core/shared/queries.plan.test.ts) are added by hand, exactly as printed here.
 * `--json` prints the same list as JSON.
 */
import { COLLECTIONS } from '../core/store/schema';

export interface ConsoleIndex {
  /** Letters, digits and underscores, as the console accepts. */
  name: string;
  fields: string[];
}

export interface ConsoleCollection {
  name: string;
  indexes: ConsoleIndex[];
}

export function consoleCollections(
  schema: Record<string, { indexes: ReadonlyArray<ReadonlyArray<string>> }> = COLLECTIONS,
): ConsoleCollection[] {
  return Object.entries(schema).map(([name, { indexes }]) => ({
    name,
    indexes: indexes.map((fields) => ({ name: fields.join('_').replace(/\./g, '_'), fields: [...fields] })),
  }));
}

/** The instructions as the console's own words: 集合, 索引名称, 索引属性 非唯一, 索引字段 升序. */
export function consoleInstructions(collections: ConsoleCollection[] = consoleCollections()): string {
  const lines = [
    '在云开发控制台 → 数据库中逐一创建以下集合（集合在首次写入时也会自动创建，索引不会），并为每个集合添加所列索引',
    '（索引属性均为“非唯一”，字段均为“升序”；_id 自带唯一索引，无需添加）：',
    '',
  ];
  for (const collection of collections) {
    lines.push(`集合 ${collection.name}${collection.indexes.length ? '' : '（无需索引）'}`);
    for (const index of collection.indexes)
      lines.push(`  索引名称 ${index.name}：${index.fields.map((field) => `${field} 升序`).join('，')}`);
  }
  const total = collections.reduce((sum, c) => sum + c.indexes.length, 0);
  lines.push('', `共 ${collections.length} 个集合、${total} 个索引。`);
  return lines.join('\n');
}

if (require.main === module)
  console.log(process.argv.includes('--json') ? JSON.stringify(consoleCollections(), null, 2) : consoleInstructions());
