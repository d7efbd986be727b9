/**
 * The page data Taro renders through `setData`: its tree lies under `root`, each node's children
 * under `cn`, a text node's text in `v`, the class in `cl`, the element's id in `sid` (and `uid`
 * when the page gave it one); other props keep their camelCase names.
 */
export interface TaroNode {
  nn?: string;
  sid?: string;
  uid?: string;
  cl?: string;
  v?: string;
  cn?: TaroNode[];
  [prop: string]: unknown;
}

type Data = Record<string, unknown>;

/** The segments of a setData path: `root.cn.[0].cn[2].v` → root, cn, 0, cn, 2, v. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return out;
}

/** Applies one `setData` argument to `data`, as WeChat does (path keys update in place). */
export function applySetData(data: Data, patch: Data): void {
  for (const [path, value] of Object.entries(patch)) {
    const keys = segments(path);
    let target: Record<string | number, unknown> = data;
    keys.slice(0, -1).forEach((key, i) => {
      const next = target[key];
      if (typeof next !== 'object' || next === null) target[key] = typeof keys[i + 1] === 'number' ? [] : {};
      target = target[key] as Record<string | number, unknown>;
    });
    target[keys[keys.length - 1]] = structuredClone(value);
  }
}

/** Every node of the tree, depth first. */
export function* nodes(node: TaroNode | undefined): Generator<TaroNode> {
  if (!node || typeof node !== 'object') return;
  yield node;
  for (const child of node.cn ?? []) yield* nodes(child);
}

/** The text of a subtree: its text nodes joined, and what input-like props show (values, placeholders). */
export function textOf(node: TaroNode | undefined): string {
  const parts: string[] = [];
  for (const n of nodes(node)) {
    if (typeof n.v === 'string') parts.push(n.v);
    for (const prop of ['placeholder', 'value', 'title'] as const)
      if (typeof n[prop] === 'string' && n[prop]) parts.push(n[prop] as string);
  }
  return parts.join('\n');
}

export const hasClass = (node: TaroNode, cls: string): boolean => (node.cl ?? '').split(/\s+/).includes(cls);

/** The nodes with class `cls`. */
export const byClass = (tree: TaroNode | undefined, cls: string): TaroNode[] =>
  [...nodes(tree)].filter((n) => hasClass(n, cls));

/** The innermost nodes whose text contains `text` (the element to tap for a label). */
export function byText(tree: TaroNode | undefined, text: string): TaroNode[] {
  const found: TaroNode[] = [];
  const visit = (node: TaroNode): boolean => {
    let inChild = false;
    for (const child of node.cn ?? []) inChild = visit(child) || inChild;
    if (inChild) return true;
    if (node.v === undefined && textOf(node).includes(text)) {
      found.push(node);
      return true;
    }
    return false;
  };
  if (tree) visit(tree);
  return found;
}

/** The element a node stands for, as Taro's event handler looks it up. */
export const elementId = (node: TaroNode): string => String(node.uid ?? node.sid ?? '');

/** `node` and its ancestors, innermost first (the way a bubbling event travels). */
export function ancestry(tree: TaroNode | undefined, node: TaroNode): TaroNode[] {
  const trail: TaroNode[] = [];
  const visit = (current: TaroNode): boolean => {
    if (current === node) return true;
    for (const child of current.cn ?? [])
      if (visit(child)) {
        trail.push(current);
        return true;
      }
    return false;
  };
  if (!tree || !visit(tree)) return [node];
  return [node, ...trail.filter((n) => n.sid !== undefined)];
}
