import type { ImportPreview } from '@contracts';
import { importResultText, issuePlace, memberLine, previewChoice, previewCounts } from './import-preview';

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  previewId: 'p1',
  create: 1,
  update: 1,
  unchanged: 3,
  errors: [],
  errorCount: 0,
  warnings: [],
  recognizedColumns: ['姓名', '手机号'],
  ignoredColumns: [],
  members: [],
  refusedRows: null,
  ...over,
});

const issue = { row: 4, column: '入党时间', value: '2010年13月', message: '不是有效日期' };

describe('the import preview', () => {
  it('offers to import everything when every row is valid, nothing when nothing would change', () => {
    expect(previewChoice(preview())).toEqual({ confirmText: '确认导入', skipInvalid: false });
    expect(previewChoice(preview({ create: 0, update: 0 }))).toEqual({ confirmText: null, skipInvalid: false });
  });

  it('offers to skip the refused rows and import the others, and nothing when no valid row changes anything', () => {
    expect(previewChoice(preview({ errors: [issue], errorCount: 1 }))).toEqual({
      confirmText: '跳过有误的行，导入其余 5 人',
      skipInvalid: true,
    });
    expect(previewChoice(preview({ create: 0, update: 0, errors: [issue], errorCount: 1 })).confirmText).toBeNull();
  });

  it('counts in one line without zeros', () => {
    expect(previewCounts(preview({ errors: [issue], errorCount: 2 }))).toBe(
      '新增 1 人 · 更新 1 人 · 无变化 3 人 · 有误 2 处',
    );
    expect(previewCounts(preview({ create: 0, update: 0, unchanged: 0 }))).toBe('文件中没有可导入的党员');
  });

  it('names where an issue is and what was found', () => {
    expect(issuePlace(issue)).toBe('第 4 行 · 入党时间「2010年13月」');
    expect(issuePlace({ ...issue, value: '' })).toBe('第 4 行 · 入党时间（空）');
    expect(issuePlace({ ...issue, row: 0, column: '' })).toBe('整个文件');
  });

  it('says what changes for each member, and what the import did', () => {
    expect(memberLine({ row: 5, name: '吴桂兰', action: 'update', changes: ['转正日期', '党小组'] })).toBe(
      '第 5 行 吴桂兰 · 更新转正日期、党小组',
    );
    expect(memberLine({ row: 3, name: '欧阳明', action: 'create', changes: [] })).toBe('第 3 行 欧阳明 · 新增');
    expect(importResultText({ created: 1, updated: 1, unchanged: 3, skipped: 2 })).toBe(
      '导入完成：新增 1 人，更新 1 人，3 人无变化，跳过有误的 2 行',
    );
    expect(importResultText({ created: 2, updated: 0, unchanged: 0, skipped: 0 })).toBe(
      '导入完成：新增 2 人，更新 0 人',
    );
  });
});
