/** Dense ranking by net points, highest first: equal nets share a rank, the next rank follows on. */
export function denseRank<T extends { net: number; name: string }>(items: T[]): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => b.net - a.net || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  let rank = 0;
  let previous: number | undefined;
  return sorted.map((item) => {
    if (item.net !== previous) {
      rank++;
      previous = item.net;
    }
    return { ...item, rank };
  });
}
