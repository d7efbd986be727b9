import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityOutputs, ApiResult, CheckinEntry } from '../../../contracts';
import { SCAN_REQUIRED_MESSAGE } from '../../../contracts/labels/activity';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { documentCounts } from '../../../tests/integration/support';
import { MEMBER, MEMBER_3, MEMBER_4, SECRETARY } from '../../../tests/support/demo';

/**
 * Anti-relay (issue 16): a code forwarded as a screenshot, picked from the album or shared as a
 * card opens the sign-in page in WeChat in a scene other than a camera scan. The mini-program
 * reports how the page was reached; the server refuses the relayed ones, changing nothing, and
 * keeps the entry with the sign-ins it accepts. On a file store, as production runs.
 */
const ACTIVITY = 'act-demo-now';

let h: Harness;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-entry-'));
  h = await createHarness({ file: join(dir, 'store.db') });
  // The demo activity's sign-in opens 10 minutes before its start.
  h.now.value = new Date(Date.parse('2026-11-23T02:05:00.000Z'));
});

afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const code = async () => (await h.call(SECRETARY, 'activity', 'code', { id: ACTIVITY })).token;
const checkin = (openid: string, token: string, entry?: unknown) =>
  h.raw(openid, 'activity', { action: 'checkin', data: entry === undefined ? { token } : { token, entry } }) as Promise<
    ApiResult<ActivityOutputs['checkin']>
  >;
const record = (memberId: string) => h.store.get('attendance', `${ACTIVITY}:${memberId}`);

describe('how the sign-in page was reached', () => {
  it.each([
    [1012, '长按识别图片中的二维码（转发的截图）'],
    [1013, '从相册选取二维码'],
    [1048, '长按识别图片中的小程序码'],
    [1049, '从相册选取小程序码'],
    [1007, '单聊中的小程序卡片'],
    [1008, '群聊中的小程序卡片'],
  ])('scene %i (%s) is refused with SCAN_REQUIRED, and nothing is written', async (scene) => {
    const token = await code();
    const before = await documentCounts(h.store);
    const result = await checkin(MEMBER, token, { via: 'launch', scene });
    expect(result).toEqual({ ok: false, error: { code: 'SCAN_REQUIRED', message: SCAN_REQUIRED_MESSAGE } });
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('a camera scan through WeChat (1011), the app’s own scanner and a browser are accepted, and the entry is kept', async () => {
    const token = await code();
    const cases: Array<[string, string, CheckinEntry | undefined]> = [
      [MEMBER, 'member-003', { via: 'launch', scene: 1011 }],
      [MEMBER_3, 'member-004', { via: 'scan' }],
      [MEMBER_4, 'member-005', undefined],
    ];
    for (const [openid, memberId, entry] of cases) {
      expect(await checkin(openid, token, entry)).toMatchObject({ ok: true, data: { already: false } });
      const kept = await record(memberId);
      expect(kept?.status).toMatch(/^(present|late)$/);
      expect(kept?.entry).toEqual(entry);
    }
  });

  it('a relayed code stays refused after the member signed in by camera: the answer never confirms it', async () => {
    const token = await code();
    expect(await checkin(MEMBER, token, { via: 'scan' })).toMatchObject({ ok: true });
    expect(await checkin(MEMBER, token, { via: 'launch', scene: 1012 })).toMatchObject({
      ok: false,
      error: { code: 'SCAN_REQUIRED' },
    });
  });

  it.each([
    [{ via: 'launch' }, 'entry.scene'],
    [{ via: 'launch', scene: 12 }, 'entry.scene'],
    [{ via: 'album' }, 'entry.via'],
    [{ via: 'scan', scene: 1011 }, 'entry.scene'],
  ])('a malformed entry %j is INVALID_INPUT on %s', async (entry, field) => {
    const result = await checkin(MEMBER, await code(), entry);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.field).toBe(field);
  });
});
