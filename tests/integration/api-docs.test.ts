import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionName } from '../../contracts';
import { actionsOf, functionNames } from '../../core/functions';

/**
 * docs/api.md documents every action: each function's section (`## \`points\``) has a table whose
 * first column is `action`, naming one action per row or several (`` `verify` / `rebuild` ``).
 * The actions come from the runtime registry (core/functions.ts).
 */

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');

/** The actions named in the action tables of the section `## \`fn\``. */
function documentedActions(fn: FunctionName): string[] {
  const sections = doc.split(/^## /m);
  const section = sections.find((s) => s.startsWith(`\`${fn}\``));
  if (!section) return [];
  const names: string[] = [];
  let inActionTable = false;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      inActionTable = false;
      continue;
    }
    const first = line.split('|')[1].trim();
    if (first === 'action') inActionTable = true;
    else if (inActionTable && !/^-+$/.test(first)) names.push(...[...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  }
  return names;
}

describe('docs/api.md lists every action of every function', () => {
  it.each(functionNames)('the action tables of `%s` name exactly its actions', (fn) => {
    expect([...new Set(documentedActions(fn))].sort()).toEqual([...actionsOf(fn)].sort());
  });
});
