/**
 * Chinese names in 拼音 order (安, 陈, 冯, 何, 刘, 吴, 张), as a secretary looks a name up on paper.
 * Sorted on the server: the mini-program's JavaScript engines may lack this collation, and a plain
 * sort orders by code point (何, 冯, 刘, 吴 …).
 */
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

export const comparePinyin = (a: string, b: string): number => collator.compare(a, b);

/** A copy of `items` with their names in 拼音 order (a stable sort: equal names keep their order). */
export function inPinyinOrder<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => comparePinyin(nameOf(a), nameOf(b)));
}
