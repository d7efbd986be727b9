import type { TaskOutputs } from '../../contracts';
import { addDays, todayInChina } from '../../src/utils/dates';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('任务清单 and 消息', () => {
  const session = useHostAndBrowser();

  it('the committee issues a task; the secretary hears of it in 消息, closes it with a note (销号); the board shows it done', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const TITLE = '报送组织生活会方案';
    // Ten days ahead in China: open, not yet yellow, whatever the hour the test runs.
    const { id } = await apiAs<TaskOutputs['create']>(host.url, ADMIN, 'tasks', 'create', {
      title: TITLE,
      details: '请于截止日前报送党委办公室',
      dueAt: addDays(todayInChina(), 10),
      orgIds: ['org-branch-1', 'org-branch-2'],
    });

    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, SECRETARY);
    await secretary.page.goto(`${host.url}/#/pages/mine/index`);
    await secretary.page.locator(visible('.e2e-mine-notices')).click();
    const notice = secretary.page.locator(visible('.e2e-notice'), { hasText: TITLE });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('新任务');
    await screenshot(secretary.page, 'notices');

    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await secretary.page.locator(visible('.e2e-tile-branch-tasks')).click();
    const task = secretary.page.locator(visible('.e2e-task'), { hasText: TITLE });
    await expect(task.locator('.e2e-task-state').textContent()).resolves.toBe('还剩 10 天');
    await task.locator('.e2e-task-close').click();
    const dialog = secretary.page.locator(visible('.e2e-task-dialog'));
    await dialog.locator('.nut-dialog-footer-ok').click();
    await dialog.locator('.e2e-field-error').waitFor();
    await dialog.locator('.e2e-task-note textarea').fill('已报送党委办公室');
    await dialog.locator('.nut-dialog-footer-ok').click();
    await task.locator('.e2e-task-state', { hasText: '已销号' }).waitFor();
    await expect(task.textContent()).resolves.toContain('销号说明：已报送党委办公室');
    await screenshot(secretary.page, 'branch-tasks');
    expect(secretary.errors).toEqual([]);

    const admin = await openPhone(browser, host.url);
    await switchIdentity(admin.page, host.url, ADMIN);
    await admin.page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await admin.page.locator(visible('.e2e-tile-committee-tasks')).click();
    const row = admin.page.locator(visible('.e2e-board-task'), { hasText: TITLE });
    await expect(row.textContent()).resolves.toContain('1/2 已销号');
    await expect(row.locator('.e2e-board-cell', { hasText: '第一党支部' }).textContent()).resolves.toContain('已销号');
    await expect(row.locator('.e2e-board-cell', { hasText: '第二党支部' }).textContent()).resolves.toContain(
      '还剩 10 天',
    );
    await screenshot(admin.page, 'committee-tasks');
    expect(admin.errors).toEqual([]);
    expect(id).toBeTruthy();
  });

  it('a secretary is shown no committee board: the page says who may use it', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-branch-tasks')).waitFor();
    expect(await page.locator(visible('.e2e-tile-committee-tasks')).count()).toBe(0);
    await page.goto(`${host.url}/#/packages/admin/pages/tasks/index`);
    await page.locator(visible('.e2e-forbidden')).waitFor();
    expect(errors).toEqual([]);
  });
});
