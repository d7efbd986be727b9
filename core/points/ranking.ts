import { comparePinyin } from '../shared/pinyin-order';

/**
 * Dense ranking, highest score first (net points by default): equal scores share a rank, the next
 * rank follows on; names break ties in the order shown.
 */
export function denseRank<T extends { name: string }>(
  items: T[],
  score: (item: T) => number = (item) => (item as T & { net: number }).net,
): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => score(b) - score(a) || comparePinyin(a.name, b.name));
  let rank = 0;
  let previous: number | undefined;
  return sorted.map((item) => {
    if (score(item) !== previous) {
      rank++;
      previous = score(item);
    }
    return { ...item, rank };
  });
}
