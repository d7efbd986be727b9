import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { DevelopOutputs } from '../../contracts/develop';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, SECRETARY } from '../support/demo';

jest.setTimeout(240000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/**
 * 发展党员 for the committee admin (issue 15): the pipeline exported to Excel from the 发展党员 page,
 * and the committee's step list set on 步骤和时间规则 — a step removed, one renamed, a rule's interval
 * changed, saved after the changes are listed, a name too short refused on its field; the steps the
 * system acts on offer no 删除.
 */

/** Every cell of every sheet of a downloaded workbook, as text, by sheet name. */
async function workbookText(path: string): Promise<Record<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const sheets: Record<string, string> = {};
  for (const sheet of workbook.worksheets) {
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    sheets[sheet.name] = cells.join(' ');
  }
  return sheets;
}

describeInBrowser('发展党员 for the committee admin', () => {
  const session = useHostAndBrowser();

  it('exports the pipeline, and sets the committee’s steps and time rules', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    // 派人谈话 was due a month after applying, long ago: overdue.
    await apiAs(host.url, SECRETARY, 'develop', 'start', {
      orgId: 'org-branch-1',
      name: '许安',
      appliedAt: '2024-01-02',
    });
    await switchIdentity(page, host.url, ADMIN);
    await page.goto(`${host.url}/#/packages/secretary/pages/develop/index`);
    await page.locator(visible('.e2e-develop-pipeline-branch'), { hasText: '第一党支部' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(visible('.e2e-develop-export')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('示范党委 发展党员情况.xlsx');
    const sheets = await workbookText((await download.path()) as string);
    expect(Object.keys(sheets)).toEqual(['各支部', '超期和到期转正']);
    expect(sheets['各支部']).toContain('第一党支部');
    expect(sheets['超期和到期转正']).toContain('已超期 许安 第一党支部 ① 入党申请 党组织派人谈话');

    await page.locator(visible('.e2e-develop-steps-link')).click();
    const editor = page.locator(visible('.e2e-develop-steps'));
    await editor.waitFor();
    await expect(page.locator(visible('.e2e-develop-stage')).count()).resolves.toBe(5);
    await expect(page.locator(visible('.e2e-dstep')).count()).resolves.toBe(25);
    // The steps the system acts on: no 删除, and why.
    const vote = page.locator(visible('.e2e-dstep-admissionVote'));
    await expect(vote.locator('.e2e-dstep-remove').count()).resolves.toBe(0);
    await expect(vote.locator('.e2e-dstep-locked').textContent()).resolves.toBe('不可删除：其日期记为入党日期');

    await page.locator(visible('.e2e-dstep-activistFiling .e2e-dstep-remove')).click();
    await page.locator(visible('.e2e-dstep-removed'), { hasText: '入党积极分子报上级党委备案' }).waitFor();
    await page.locator(visible('.e2e-dstep-oath .e2e-dstep-name input')).fill('入党宣誓仪式');
    const talk = page.locator(visible('.e2e-dstep-talk .e2e-drule'));
    await talk.locator('.e2e-drule-due .e2e-drule-months input').fill('');
    await talk.locator('.e2e-drule-due .e2e-drule-days input').fill('15');
    await talk.locator('.e2e-drule-description', { hasText: '15 天内完成' }).waitFor();
    await expect(talk.locator('.e2e-drule-text input').inputValue()).resolves.toBe('递交入党申请书后15天内完成');

    // Too short a name: refused on the step before anything is sent.
    await page.locator(visible('.e2e-dstep-training .e2e-dstep-name input')).fill('训');
    await page.locator(visible('.e2e-develop-steps-save')).click();
    await expect(page.locator(visible('.e2e-dstep-training .e2e-field-error')).textContent()).resolves.toBe(
      '步骤名称至少 2 个字',
    );
    await page.locator(visible('.e2e-dstep-training .e2e-dstep-name input')).fill('开展集中培训');

    await page.locator(visible('.e2e-develop-steps-save')).click();
    const confirm = page.locator(visible('.e2e-develop-steps-confirm'));
    await confirm.waitFor();
    const listed = await confirm.textContent();
    expect(listed).toContain('删除步骤「入党积极分子报上级党委备案」');
    expect(listed).toContain('「入党宣誓」改名为「入党宣誓仪式」');
    expect(listed).toContain('1 个月内完成 → 15 天内完成');
    await screenshot(page, 'develop-steps-confirm');
    await confirm.locator('.nut-dialog-footer-ok').click();
    await page.locator(visible('.e2e-develop-steps-count'), { hasText: '尚未修改' }).waitFor();

    const saved = await apiAs<DevelopOutputs['config']>(host.url, ADMIN, 'develop', 'config', {
      orgId: 'org-committee',
    });
    expect(saved.custom).toBe(true);
    expect(saved.steps).toHaveLength(24);
    expect(saved.steps.find((s) => s.code === 'oath')?.name).toBe('入党宣誓仪式');
    expect(saved.rules.find((r) => r.step === 'talk')).toEqual({
      step: 'talk',
      after: 'apply',
      due: { days: 15 },
      text: '递交入党申请书后15天内完成',
    });
    await screenshot(page, 'develop-steps');
    expect(errors).toEqual([]);
  });
});
