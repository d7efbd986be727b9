import type { Update } from './port';

/** Reads a dotted path (`a.b.c`) from a plain object. */
export function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = doc;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1]] = value;
}

/** Returns a new document with `$set` and `$inc` applied; `_id` cannot change. */
export function applyUpdate<T extends { _id: string }>(doc: T, update: Update): T {
  const next = structuredClone(doc) as T & Record<string, unknown>;
  for (const [path, value] of Object.entries(update.$set ?? {})) {
    if (path === '_id') throw new Error('_id cannot be updated');
    setPath(next, path, structuredClone(value));
  }
  for (const [path, by] of Object.entries(update.$inc ?? {})) {
    if (path === '_id') throw new Error('_id cannot be updated');
    const current = getPath(next, path);
    setPath(next, path, (typeof current === 'number' ? current : 0) + by);
  }
  return next;
}
