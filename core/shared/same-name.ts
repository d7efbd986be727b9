import type { OrgTree } from './org-tree';
import { byIds } from './paging';
import type { Store } from './collections';

export interface TaggedMember {
  id: string;
  name: string;
  /** The 党小组's name. */
  group: string | null;
  phone: string | null;
}

/** The column that tells same-name members apart on a printed sheet. */
export const SAME_NAME_HEADER = '同名区分';

/**
 * `第一党小组 尾号5678` for every member whose name another on the same sheet shares (two 陈秀英
 * rows must be told apart on paper); nothing for the others. The tail is what a masked phone shows.
 */
export function sameNameTags(members: readonly TaggedMember[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const m of members) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  const tags = new Map<string, string>();
  for (const m of members) {
    if ((count.get(m.name) ?? 0) < 2) continue;
    const digits = (m.phone ?? '').replace(/\D/g, '');
    const tag = [m.group ?? '', digits.length >= 4 ? `尾号${digits.slice(-4)}` : ''].filter(Boolean).join(' ');
    tags.set(m.id, tag || '未分党小组');
  }
  return tags;
}

/** The tags of the members a sheet lists (by roster id), reading the roster only for the names that repeat. */
export async function loadSameNameTags(
  store: Store,
  tree: OrgTree,
  items: ReadonlyArray<{ memberId: string; name: string }>,
): Promise<Map<string, string>> {
  const seen = new Map<string, Set<string>>();
  for (const item of items) seen.set(item.name, (seen.get(item.name) ?? new Set()).add(item.memberId));
  const repeated = [...seen.values()].filter((ids) => ids.size > 1).flatMap((ids) => [...ids]);
  if (!repeated.length) return new Map();
  const docs = await byIds(store, 'members', repeated);
  return sameNameTags(
    repeated.map((id) => {
      const doc = docs.get(id);
      return {
        id,
        name: items.find((i) => i.memberId === id)?.name ?? '',
        group: doc?.groupId ? (tree.get(doc.groupId)?.name ?? null) : null,
        phone: doc?.phone ?? null,
      };
    }),
  );
}
