import type { ActionOutput, ImportIssue, ImportPreview } from '@contracts';

/** What the preview dialog offers: import everything, import the valid rows, or nothing to import. */
export interface PreviewChoice {
  /** The confirm button's text, or null when no row can be imported. */
  confirmText: string | null;
  /** The confirm imports the valid rows and skips the refused ones. */
  skipInvalid: boolean;
}

const valid = (p: Pick<ImportPreview, 'create' | 'update' | 'unchanged'>) => p.create + p.update + p.unchanged;

export function previewChoice(p: ImportPreview): PreviewChoice {
  const changing = p.create + p.update;
  if (!p.errorCount) return { confirmText: changing ? '确认导入' : null, skipInvalid: false };
  return { confirmText: changing ? `跳过有误的行，导入其余 ${valid(p)} 人` : null, skipInvalid: true };
}

/** The counts in one line, leaving out what is zero: 新增 2 人 · 更新 1 人 · 无变化 15 人 · 有误 2 处. */
export function previewCounts(p: ImportPreview): string {
  const parts = [
    p.create ? `新增 ${p.create} 人` : '',
    p.update ? `更新 ${p.update} 人` : '',
    p.unchanged ? `无变化 ${p.unchanged} 人` : '',
    p.errorCount ? `有误 ${p.errorCount} 处` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '文件中没有可导入的党员';
}

/** Where an issue is and what was found: 第 4 行 · 入党时间「2010年13月」. */
export function issuePlace(issue: ImportIssue): string {
  if (issue.row === 0) return '整个文件';
  const cell = issue.column ? ` · ${issue.column}${issue.value ? `「${issue.value}」` : '（空）'}` : '';
  return `第 ${issue.row} 行${cell}`;
}

/** A member the import creates or updates, and what changes: 吴桂兰 · 更新转正日期. */
export function memberLine(m: ImportPreview['members'][number]): string {
  if (m.action === 'create') return `第 ${m.row} 行 ${m.name} · 新增`;
  return `第 ${m.row} 行 ${m.name} · 更新${m.changes.join('、')}`;
}

export function importResultText(r: ActionOutput<'roster', 'importMembers'>): string {
  const parts = [`新增 ${r.created} 人`, `更新 ${r.updated} 人`];
  if (r.unchanged) parts.push(`${r.unchanged} 人无变化`);
  if (r.skipped) parts.push(`跳过有误的 ${r.skipped} 行`);
  return `导入完成：${parts.join('，')}`;
}
