import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { OFFICER, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/** 王志强: 第一党支部 支委 (officer): runs the day, manages nothing. */
/** 第一党支部's meeting whose sign-in is open now. */
const ACTIVITY = 'act-demo-now';

/** How many of each control the page shows (0 when hidden). */
async function countVisible(page: Page, selectors: Record<string, string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(selectors))
    counts[name] = await page.locator(visible(selector)).count();
  return counts;
}

const ACTIVITY_CONTROLS = {
  code: '.e2e-activity-code',
  scan: '.e2e-scan-member', // H5 has no camera: the organiser pastes the member's code
  export: '.e2e-activity-export',
  close: '.e2e-activity-close',
  edit: '.e2e-activity-edit',
  cancel: '.e2e-activity-cancel',
  undo: '.e2e-undo-checkin',
};
const WORKBENCH_TILES = {
  review: '.e2e-tile-review',
  roster: '.e2e-tile-roster',
  activities: '.e2e-tile-activities',
  points: '.e2e-tile-points',
};
const ROSTER_CONTROLS = { add: '.e2e-roster-add', import: '.e2e-roster-import', export: '.e2e-roster-export' };
const POINTS_CONTROLS = { record: '.e2e-record-open', export: '.e2e-points-export' };

describeInBrowser('controls follow the caller’s permissions (identity.me)', () => {
  const session = useHostAndBrowser();

  beforeAll(async () => {
    // Someone is signed in, so that 撤销签到 would have a row to appear on.
    const host = session.host();
    const [member] = await host.store.query('members', { where: { openid: 'demo-member-2' } });
    await apiAs(host.url, SECRETARY, 'activity', 'manualCheckin', {
      id: ACTIVITY,
      memberId: member._id,
      reason: '到场后手机没电',
    });
  });

  it.each([
    [
      'the secretary sees every control',
      SECRETARY,
      { code: 1, scan: 1, export: 1, close: 1, edit: 1, cancel: 1, undo: 1 },
      { review: 1, roster: 1, activities: 1, points: 1 },
      { add: 1, import: 1, export: 1 },
      { record: 1, export: 1 },
    ],
    [
      'an officer sees only what an officer may use: code, scanning and exports',
      OFFICER,
      { code: 1, scan: 1, export: 1, close: 0, edit: 0, cancel: 0, undo: 0 },
      { review: 0, roster: 1, activities: 1, points: 1 },
      { add: 0, import: 0, export: 1 },
      { record: 0, export: 1 },
    ],
  ])('%s', async (label, openid, activity, tiles, roster, points) => {
    const [host, browser] = [session.host(), session.browser()];
    const phone = await openPhone(browser, host.url);
    await switchIdentity(phone.page, host.url, openid);
    const shot = (page: string) => screenshot(phone.page, `permissions-${openid}-${page}`);

    // The activity page: the bar appears once permissions are known; the signed-in list has its row.
    await phone.page.goto(`${host.url}/#/packages/secretary/pages/activity/index?id=${ACTIVITY}`);
    await phone.page.locator(visible('.e2e-activity-export')).waitFor();
    await phone.page.locator(visible('.e2e-activity-code')).waitFor();
    await phone.page.locator(visible('.e2e-attendance-signedIn')).first().waitFor();
    expect(await countVisible(phone.page, ACTIVITY_CONTROLS)).toEqual(activity);
    await shot('activity');

    await phone.page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await phone.page.locator(visible('.e2e-tile-activities')).waitFor();
    expect(await countVisible(phone.page, WORKBENCH_TILES)).toEqual(tiles);
    await shot('workbench');

    await phone.page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    await phone.page.locator(visible('.e2e-roster-export')).waitFor();
    await phone.page.locator(visible('.e2e-roster-list')).waitFor();
    expect(await countVisible(phone.page, ROSTER_CONTROLS)).toEqual(roster);
    await shot('roster');

    await phone.page.goto(`${host.url}/#/packages/secretary/pages/points/index`);
    await phone.page.locator(visible('.e2e-points-export')).waitFor();
    expect(await countVisible(phone.page, POINTS_CONTROLS)).toEqual(points);
    await shot('points');

    expect({ label, errors: phone.errors }).toEqual({ label, errors: [] });
  });
});
