import { randomBytes } from 'node:crypto';

/** A 20-character, URL-safe, time-ordered id (sortable by creation, unguessable). */
export function newId(now: number = Date.now()): string {
  return now.toString(36).padStart(9, '0') + randomBytes(8).toString('base64url').slice(0, 11);
}
