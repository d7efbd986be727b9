import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiError, PointsOutputs, PointsSettings, RuleItem } from '../../contracts';
import { DECLARATION_CONSENT } from '../../contracts/consent';
import type { MemberDoc } from '../../core/roster/documents';
import { postEntry } from '../../core/points/ledger';
import { DEFAULT_RULES, DEFAULT_SETTINGS } from '../../core/points/rules';
import { publishedSheets } from '../support/excel';
import { createHarness, type Harness } from '../support/harness';
import { COLLECTION_NAMES, expectError, snapshot } from './support';
import { ADMIN, MEMBER, OFFICER, SECRETARY, VISITOR } from '../support/demo';

/**
 * Compliance with the 2026 国办《政务移动互联网应用程序规范化管理办法》 and the PIPL: rankings are
 * the committee's choice and never a list of others for members, points are incentive, watch time
 * only decides completion, membership is declared with separate consent, and no coordinates are kept.
 */
const MEMBER_ID = 'member-003';
const BRANCH_1 = 'org-branch-1';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as RuleItem;

/** Stores the committee's settings as the rules editor would (a legacy value is allowed on purpose). */
async function useSettings(settings: Partial<Record<keyof PointsSettings, unknown>>): Promise<void> {
  await h.store.set('pointRules', {
    _id: 'org-committee',
    items: DEFAULT_RULES,
    settings: { ...DEFAULT_SETTINGS, ...settings } as PointsSettings,
  });
}

/** Gives three members of 第一党支部 different scores, so that a list of others would show. */
async function scoreSomeMembers(): Promise<void> {
  for (const [i, id] of ['member-004', 'member-005', MEMBER_ID].entries()) {
    const member = (await h.store.get('members', id)) as MemberDoc;
    await h.store.transaction((tx) =>
      postEntry(tx, {
        id: `test:pioneer:${id}`,
        member,
        rule: rule('pioneer'),
        value: 10 * (i + 1),
        reason: '先锋表彰',
        source: 'hand',
        recordedBy: null,
        at: h.now.value,
      }),
    );
  }
}

const rank = (openid: string): Promise<PointsOutputs['ranking']> =>
  h.call(openid, 'points', 'ranking', { orgId: BRANCH_1, period: 'year' });

describe('rankings are the committee’s choice; members never see a list of others', () => {
  it.each<[label: string, setting: unknown, shown: 'their own line only' | 'nothing']>([
    ['the default', undefined, 'their own line only'],
    ['仅本人名次 (self)', 'self', 'their own line only'],
    ['关闭排名 (off)', 'off', 'nothing'],
    ['a legacy top10 setting', 'top10', 'their own line only'],
    ['a legacy full setting', 'full', 'their own line only'],
  ])('%s (setting %s): a member gets %s', async (_label, setting, shown) => {
    await scoreSomeMembers();
    if (setting !== undefined) await useSettings({ rankingVisibility: setting });
    const seen = await rank(MEMBER);
    expect(seen.items).toEqual([]);
    expect(seen.visibility).toBe(shown === 'nothing' ? 'off' : 'self');
    const mine = await h.call(MEMBER, 'points', 'mine');
    if (shown === 'their own line only') {
      const full = await rank(SECRETARY);
      const own = full.items.find((item) => item.memberId === MEMBER_ID);
      expect(own?.rank).toBe(1);
      expect(seen.me).toEqual(own);
      expect(mine.rank).toBe(1);
      expect(mine.rankOf).toBe(full.items.length);
    } else {
      expect(seen.me).toBeNull();
      expect([mine.rank, mine.rankOf]).toEqual([null, 0]);
    }
  });

  it.each([
    ['secretary', SECRETARY],
    ['officer', OFFICER],
  ])('the %s keeps the management view (every member) even when rankings are off', async (_role, who) => {
    await scoreSomeMembers();
    await useSettings({ rankingVisibility: 'off' });
    const ranking = await rank(who);
    expect(ranking.visibility).toBe('full');
    expect(ranking.items.length).toBe(await h.store.count('members', { branchId: BRANCH_1, status: 'active' }));
    expect(ranking.items.slice(0, 3).map((i) => i.memberId)).toEqual([MEMBER_ID, 'member-005', 'member-004']);
  });

  it('the admin switches member rankings off in the rules editor; top10 and full are refused', async () => {
    const updated = await h.call(ADMIN, 'points', 'updateRules', { settings: { rankingVisibility: 'off' } });
    expect(updated.settings.rankingVisibility).toBe('off');
    expect((await rank(MEMBER)).visibility).toBe('off');
    const before = await snapshot(h.store, ['pointRules', 'audit']);
    for (const value of ['top10', 'full']) {
      const error = await expectError(
        h,
        ADMIN,
        'points',
        'updateRules',
        { settings: { rankingVisibility: value } },
        'INVALID_INPUT',
      );
      expect(error.field).toBe('settings.rankingVisibility');
    }
    expect(await snapshot(h.store, ['pointRules', 'audit'])).toEqual(before);
  });

  it('the default is each member’s own position', () => {
    expect(DEFAULT_SETTINGS.rankingVisibility).toBe('self');
  });
});

describe('亮身份 asks separate consent for Party membership (PIPL Art. 28–29)', () => {
  const declaration = {
    name: '张卫东',
    phone: '13800138000',
    partyStatus: 'full',
    joinedAt: '2015-11-24',
    fullAt: '2016-11-24',
    orgId: BRANCH_1,
  };

  it.each<[label: string, consent: Record<string, unknown>]>([
    ['without consent', {}],
    ['with consent false', { consent: false }],
    ['with consent "true" as text', { consent: 'true' }],
    ['with consent 1', { consent: 1 }],
  ])('refuses a declaration %s (INVALID_INPUT on consent) and keeps nothing', async (_label, consent) => {
    const before = await snapshot(h.store);
    const error = await expectError(h, VISITOR, 'identity', 'declare', { ...declaration, ...consent }, 'INVALID_INPUT');
    expect(error.field).toBe('consent');
    expect(error.message).toContain('同意');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('keeps the consent’s version and time with the declaration', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', { ...declaration, partyStatus: 'full', consent: true });
    const doc = await h.store.get('declarations', id);
    expect(doc?.consent).toEqual({ version: DECLARATION_CONSENT.version, at: h.now.value.toISOString() });
  });

  it('the notice says what is collected, why, who sees it and how long it is kept', () => {
    expect(DECLARATION_CONSENT.sections.map((section) => section.heading)).toEqual([
      '收集什么',
      '为什么收集',
      '谁能看到',
      '保存多久',
    ]);
    for (const section of DECLARATION_CONSENT.sections) expect(section.text.length).toBeGreaterThan(20);
  });
});

describe('a located sign-in keeps the verdict and the distance, never the coordinates', () => {
  const VOLUNTEER = 'act-demo-volunteer'; // a place (幸福里社区党群服务中心, radius 300 m), 3 days after the seed
  const PLACE = { lat: 31.2304, lng: 121.4737 };
  // 120 m north of the place: coordinates no document may hold afterwards.
  const HERE = { lat: 31.2314791852, lng: 121.4737 };

  it('stores { distance, within } on the attendance record and the coordinates nowhere', async () => {
    h.now.value = new Date(Date.parse('2026-11-23T02:00:00.000Z') + 3 * 86400_000);
    const { token } = await h.call(SECRETARY, 'activity', 'code', { id: VOLUNTEER });
    const signedIn = await h.call(MEMBER, 'activity', 'checkin', { token, location: HERE });
    expect(signedIn.status).toBe('present');

    const record = await h.store.get('attendance', `${VOLUNTEER}:${MEMBER_ID}`);
    expect(record?.location).toEqual({ distance: 120, within: true });

    const everything = JSON.stringify(await snapshot(h.store, COLLECTION_NAMES));
    expect(everything).toContain(String(PLACE.lat)); // the activity's own place, which the branch set
    for (const digits of ['31.23147', '31.2314791852', String(HERE.lat)]) expect(everything).not.toContain(digits);
  });
});

describe('watch time decides completion only: exports show 完成/未完成 and progress, never time watched', () => {
  /** A duration in words or on a clock (`2分00秒`, `1:02:03`, `45 分钟`, `1 小时`), or a column about one. */
  const DURATION = /\d+\s*分\s*\d+\s*秒|\d+:\d{2}:\d{2}|分钟|小时|时长|秒/;
  const SESSION = 'compliance-01';

  /** Plays `id` from 0 to `to` seconds as `openid`, a beat every 10 s of the harness clock. */
  async function play(openid: string, id: string, to: number) {
    await h.call(openid, 'lecture', 'heartbeat', { id, position: 0, playing: true, session: SESSION });
    for (let p = 10; p <= to; p += 10) {
      h.now.value = new Date(h.now.value.getTime() + 10_000);
      await h.call(openid, 'lecture', 'heartbeat', { id, position: p, playing: true, session: SESSION });
    }
  }

  it('the lecture export per member: progress %, 完成/未完成, and no duration anywhere', async () => {
    await play(MEMBER, 'film-1', 120); // the whole 2-minute film
    await play('demo-member-3', 'film-1', 30); // a quarter of it
    const link = await h.call(SECRETARY, 'lecture', 'exportStats', { id: 'film-1', orgId: BRANCH_1 });
    const book = await publishedSheets(h.files, link.fileID);
    // Under the title and the line naming the branch and the date of export.
    const [, , header, ...rows] = book['学习情况'];
    expect(header).toEqual(['姓名', '同名区分', '身份', '学习进度', '是否完成', '测验', '最近学习']);
    // Progress is a percentage cell (0 … 1); who never opened the lecture has not started it.
    const row = (name: string) => rows.find((r) => r[0] === name)?.slice(0, 5);
    expect(row('陈秀英')).toEqual(['陈秀英', undefined, '党员', 1, '完成']);
    expect(row('刘洋')).toEqual(['刘洋', undefined, '党员', 0.25, '未完成']);
    expect(row('吴桂兰')).toEqual(['吴桂兰', undefined, '党员', 0, '未开始']);
    // A date cell is a moment, read as the sheet shows it (2026-11-23 10:02), not a time watched.
    const shown = (cell: unknown) =>
      cell instanceof Date ? cell.toISOString().slice(0, 16).replace('T', ' ') : String(cell ?? '');
    for (const sheet of Object.values(book))
      for (const cells of sheet) for (const cell of cells) expect(shown(cell)).not.toMatch(DURATION);
  });
});

describe('points are incentive (激励), never labelled 考核 or 考评', () => {
  const ROOT = join(__dirname, '..', '..');
  const ASSESSMENT = /考核|考评/;
  const TEXT = /\.(tsx?|scss|json|md|html)$/;

  function textFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return textFiles(path);
      return TEXT.test(name) ? [path] : [];
    });
  }

  it('the detector catches the words it is meant to', () => {
    expect(['党员积分考核', '年度考评', '积分激励'].map((t) => ASSESSMENT.test(t))).toEqual([true, true, false]);
  });

  it.each(['src', 'core', 'host/demo', 'contracts'])('no UI text or export header in %s/** says 考核/考评', (dir) => {
    const files = textFiles(join(ROOT, dir));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.filter((file) => ASSESSMENT.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => file.slice(ROOT.length + 1))).toEqual([]);
  });
});

describe('every sign-in has a manual alternative (no forced 打卡签到)', () => {
  const VOLUNTEER = 'act-demo-volunteer'; // needs a location within 300 m
  const FAR = { lat: 31.2304 + 1000 / 111_195, lng: 121.4737 };

  beforeEach(() => {
    h.now.value = new Date(Date.parse('2026-11-23T02:00:00.000Z') + 3 * 86400_000);
  });

  it.each<[label: string, location: { lat: number; lng: number } | undefined, code: ApiError['code']]>([
    ['will not share a location', undefined, 'LOCATION_REQUIRED'],
    ['is 1 km away', FAR, 'OUT_OF_RANGE'],
  ])(
    'a member who %s is refused by the code, and the secretary signs them in by hand (补签)',
    async (_l, location, code) => {
      const { token } = await h.call(SECRETARY, 'activity', 'code', { id: VOLUNTEER });
      await expectError(h, MEMBER, 'activity', 'checkin', location ? { token, location } : { token }, code);
      await h.call(SECRETARY, 'activity', 'manualCheckin', {
        id: VOLUNTEER,
        memberId: MEMBER_ID,
        reason: '手机无法定位，现场核实到场',
      });
      const record = await h.store.get('attendance', `${VOLUNTEER}:${MEMBER_ID}`);
      expect(record).toMatchObject({ method: 'manual', status: expect.stringMatching(/present|late/) });
      expect(record?.location ?? null).toBeNull();
    },
  );

  it('a member who cannot come asks for leave instead of signing in', async () => {
    const leave = await h.call(MEMBER, 'activity', 'requestLeave', { id: VOLUNTEER, reason: '照顾生病的家人' });
    expect(leave).toMatchObject({ status: 'pending' });
  });
});
