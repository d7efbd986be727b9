import ExcelJS from 'exceljs';
import type { MemberDoc } from '../../core/roster';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/** 第一党支部's roster in the demo: 18 Party members. */
const BRANCH_1_SIZE = 18;

describeInBrowser('花名册 with the people on the way to membership', () => {
  const session = useHostAndBrowser();

  beforeAll(async () => {
    // As 发展党员 puts them on the roster: a 发展对象 with 培养联系人 and 入党介绍人, an 入党积极分子.
    const store = session.host().store;
    const at = new Date().toISOString();
    const entry = (id: string, name: string, partyStatus: MemberDoc['partyStatus'], more: Partial<MemberDoc>) =>
      store.create('members', {
        _id: id,
        name,
        phone: null,
        landline: null,
        partyStatus,
        joinedAt: null,
        fullAt: null,
        committeeId: 'org-committee',
        branchId: 'org-branch-1',
        groupId: null,
        status: 'active',
        inactiveReason: null,
        openid: null,
        externalOrg: null,
        history: [{ at, action: 'created', note: '发展党员：递交入党申请' }],
        createdAt: at,
        updatedAt: at,
        ...more,
      } satisfies MemberDoc);
    await entry('way-candidate', '赵晓明', 'candidate', {
      contacts: [{ memberId: 'member-002', name: '王志强' }],
      sponsors: [
        { memberId: 'member-002', name: '王志强' },
        { memberId: null, name: '张建华' },
      ],
    });
    await entry('way-activist', '钱小红', 'activist', { groupId: 'org-group-1' });
  });

  it('the secretary lists them by category, exports the 发展对象, and sees that 发展党员 keeps them', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    await page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    const chips = page.locator(visible('.e2e-roster-chips'));
    const chip = (key: string) => chips.locator(`.e2e-roster-chip-${key}`);
    await chip('all').filter({ hasText: /\d/ }).waitFor();
    await expect(chips.locator('[class*="e2e-roster-chip-"]').allTextContents()).resolves.toEqual([
      `全部 ${BRANCH_1_SIZE + 2}`,
      `党员 ${BRANCH_1_SIZE}`,
      '发展对象 1',
      '入党积极分子 1',
      '入党申请人 0',
    ]);
    await screenshot(page, 'roster-chips');

    const count = page.locator(visible('.e2e-roster-count'));
    await chip('members').click();
    await count.filter({ hasText: `共 ${BRANCH_1_SIZE} 人` }).waitFor();
    await chip('candidate').click();
    await count.filter({ hasText: '共 1 人' }).waitFor();
    const row = page.locator(visible('.e2e-member-row'));
    await expect(row.locator('.e2e-member-name').allTextContents()).resolves.toEqual(['赵晓明']);
    await expect(row.locator('.e2e-member-status').textContent()).resolves.toBe('发展对象');

    // 导出 under the chip: the 发展对象 alone, and the title says so.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(visible('.e2e-roster-export')).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^第一党支部发展对象名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('第一党支部 发展对象名册');
    expect(sheet.getRow(4).getCell(1).value).toBe('赵晓明');
    expect(sheet.getRow(5).getCell(1).value ?? null).toBeNull();

    await chip('applicant').click();
    await page.locator(visible('.e2e-roster-chip-empty')).filter({ hasText: '没有入党申请人' }).waitFor();

    // Their entry: status, 培养联系人 and 入党介绍人, no dates or 党龄, neither 调动 nor 停用.
    await chip('candidate').click();
    await row.first().click();
    const detail = page.locator(visible('.e2e-member-detail'));
    await detail.waitFor();
    const text = await detail.textContent();
    expect(text).toContain('身份发展对象');
    expect(text).toContain('培养联系人王志强');
    expect(text).toContain('入党介绍人王志强、张建华');
    expect(text).not.toContain('党龄');
    await expect(detail.locator('.e2e-member-way-note').textContent()).resolves.toContain('由“发展党员”记录');
    await expect(page.locator(visible('.e2e-member-edit')).count()).resolves.toBe(1);
    await expect(page.locator(visible('.e2e-member-transfer')).count()).resolves.toBe(0);
    await expect(page.locator(visible('.e2e-member-deactivate')).count()).resolves.toBe(0);
    await page.waitForTimeout(400); // let the page's entrance transition finish for the screenshot
    await screenshot(page, 'roster-on-the-way-member');
    expect(errors).toEqual([]);
  });

  it('支部概览 counts them apart from the Party members', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, ADMIN);
    await page.goto(`${host.url}/#/packages/admin/pages/overview/index`);
    const branch = page.locator(visible('.e2e-overview-branch'), { hasText: '第一党支部' });
    await expect(branch.locator('.e2e-overview-members').textContent()).resolves.toBe(
      `${BRANCH_1_SIZE} 名党员 · 入党积极分子等 2 人`,
    );
    await screenshot(page, 'overview-on-the-way');
    expect(errors).toEqual([]);
  });
});
