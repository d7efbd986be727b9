import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { SECRETARY } from '../support/demo';

jest.setTimeout(240000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/**
 * 发展党员 in the browser: the secretary opens a file from the 工作台 and the applicant is on the roster
 * at once as 入党申请人; the secretary takes them from 递交申请 to 预备党员 with dates that respect the
 * rules (all in 2024–2025, so the test does not depend on today), naming the 培养联系人 (picked from the
 * branch) and the two 入党介绍人 (one picked, one typed), is refused a date that breaks a rule (培养教育考察
 * a day short of a year, the rule named), and the same roster entry becomes 预备党员 with 入党日期 = the
 * 支部大会's date. The 工作台 tile counts overdue files.
 */

/** Every step from 派人谈话 to 上级党委审批接收, with its date. */
const STEPS: Array<[code: string, date: string]> = [
  ['talk', '2024-03-20'],
  ['recommend', '2024-04-10'],
  ['activistFiling', '2024-04-20'],
  ['assignContact', '2024-04-20'],
  ['cultivate', '2025-04-10'],
  ['confirmCandidate', '2025-04-15'],
  ['candidateFiling', '2025-04-20'],
  ['assignIntroducers', '2025-04-22'],
  ['politicalReview', '2025-05-10'],
  ['training', '2025-05-20'],
  ['branchCommitteeReview', '2025-05-25'],
  ['preReview', '2025-06-01'],
  ['volunteerForm', '2025-06-05'],
  ['admissionVote', '2025-06-10'],
  ['committeeTalk', '2025-06-20'],
  ['admissionApproval', '2025-07-01'],
];

describeInBrowser('发展党员 in the browser', () => {
  const session = useHostAndBrowser();

  it('a secretary takes an applicant from 递交申请 to 预备党员, and is refused a date that breaks a rule', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    // Someone whose 谈话 was due a month after applying, long ago: the 工作台 says so.
    await apiAs(host.url, SECRETARY, 'develop', 'start', {
      orgId: 'org-branch-1',
      name: '许安',
      appliedAt: '2024-01-02',
    });
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    const tile = page.locator(visible('.e2e-tile-develop'));
    await tile.filter({ hasText: '1 人的步骤已超期' }).waitFor();
    await tile.click();

    const start = page.locator(visible('.e2e-develop-start'));
    await start.locator('.e2e-develop-name input').fill('林晓东');
    await start.locator('.e2e-develop-phone input').fill('13912340001');
    await start.locator('.e2e-develop-applied input').fill('2024-03-01');
    await start.locator('.e2e-develop-start-submit').click();
    await page.locator(visible('.e2e-develop-file-name'), { hasText: '林晓东' }).waitFor();
    await expect(page.locator(visible('.e2e-develop-category')).textContent()).resolves.toBe('入党申请人');
    const fileUrl = page.url();

    // On the roster from the start, as 入党申请人 (no 入党日期): the file links to the entry.
    const board = await apiAs<{ items: Array<{ id: string; name: string }> }>(host.url, SECRETARY, 'develop', 'board', {
      orgId: 'org-branch-1',
    });
    const fileId = board.items.find((item) => item.name === '林晓东')?.id;
    const { memberId } = await apiAs<{ memberId: string }>(host.url, SECRETARY, 'develop', 'get', { id: fileId });
    await expect(apiAs(host.url, SECRETARY, 'roster', 'getMember', { id: memberId })).resolves.toMatchObject({
      name: '林晓东',
      partyStatus: 'applicant',
      joinedAt: null,
      status: 'active',
    });
    await page.locator(visible('.e2e-develop-member')).click();
    await page.locator(visible('.zb-member'), { hasText: '入党申请人' }).waitFor();
    await page.goto(fileUrl);
    await page.locator(visible('.e2e-develop-file-name'), { hasText: '林晓东' }).waitFor();

    const next = page.locator(visible('.e2e-develop-next'));
    const status = (code: string) => page.locator(visible(`.e2e-develop-step-${code} .e2e-develop-step-status`));
    const record = async (date: string) => {
      await next.locator('.e2e-develop-step-date input').fill(date);
      await next.locator('.e2e-develop-step-submit').click();
    };

    for (const [code, date] of STEPS) {
      if (code === 'assignContact') {
        // 培养联系人: picked from the branch's 正式党员.
        await next.locator('.e2e-develop-person', { hasText: '王志强' }).click();
        await expect(next.locator('.e2e-develop-people-chosen').textContent()).resolves.toContain('王志强');
      }
      if (code === 'assignIntroducers') {
        // 入党介绍人: one picked, one typed (a 正式党员 of another branch).
        await next.locator('.e2e-develop-person', { hasText: '吴桂兰' }).click();
        await next.locator('.e2e-develop-person-name input').fill('林晓燕');
        await next.locator('.e2e-develop-person-add').click();
        await expect(next.locator('.e2e-develop-people-chosen').textContent()).resolves.toContain('林晓燕');
      }
      if (code === 'cultivate') {
        // A day short of a year as 积极分子: refused, with the rule and the earliest date.
        await record('2025-04-09');
        const refusal = next.locator('.e2e-develop-step-error');
        await refusal.waitFor();
        await expect(refusal.textContent()).resolves.toContain('入党积极分子培养教育考察一年以上');
        await expect(refusal.textContent()).resolves.toContain('2025年4月10日');
        await expect(status(code).textContent()).resolves.toBe('待办');
        await screenshot(page, 'develop-refused');
      }
      await record(date);
      await status(code).filter({ hasText: '已完成' }).waitFor();
      if (code === 'recommend')
        await expect(page.locator(visible('.e2e-develop-category')).textContent()).resolves.toBe('入党积极分子');
    }
    await expect(page.locator(visible('.e2e-develop-contacts')).textContent()).resolves.toBe('培养联系人：王志强');
    await expect(page.locator(visible('.e2e-develop-sponsors')).textContent()).resolves.toBe(
      '入党介绍人：吴桂兰、林晓燕',
    );

    await expect(page.locator(visible('.e2e-develop-category')).textContent()).resolves.toBe('预备党员');
    await expect(next.textContent()).resolves.toContain('再上一级党委组织部门备案');
    await screenshot(page, 'develop-admitted');

    // The same roster entry, now 预备党员 with 入党日期 the 支部大会's date, and its 联系人 and 介绍人.
    await expect(apiAs(host.url, SECRETARY, 'develop', 'get', { id: fileId })).resolves.toMatchObject({ memberId });
    await expect(apiAs(host.url, SECRETARY, 'roster', 'getMember', { id: memberId })).resolves.toMatchObject({
      name: '林晓东',
      partyStatus: 'probationary',
      joinedAt: '2025-06-10',
      fullAt: null,
      contacts: [{ memberId: 'member-002', name: '王志强' }],
      sponsors: [
        { memberId: 'member-008', name: '吴桂兰' },
        { memberId: null, name: '林晓燕' },
      ],
    });
    await page.locator(visible('.e2e-develop-member')).click();
    await page.locator(visible('.zb-member'), { hasText: '预备党员' }).waitFor();

    // Back on the board: still on the way (stage ④), nothing overdue.
    await page.goto(`${host.url}/#/packages/secretary/pages/develop/index`);
    await page.reload();
    const item = page.locator(visible('.e2e-develop-item'), { hasText: '林晓东' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('预备党员');
    await expect(item.textContent()).resolves.not.toContain('已超期');
    expect(errors).toEqual([]);
  });
});
