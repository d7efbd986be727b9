import { SETUP_ATTEMPTS_IN_ALL, SETUP_ATTEMPTS_PER_CALLER, SETUP_AUDIT_ID } from '../actions/setup';
import { createHarness, STORAGES, type Harness, type Storage } from '../../../tests/support/harness';
import { documentCounts } from '../../../tests/integration/support';

const CODE = 'zb-setup-2026-xk7';
const FIRST = 'wx-first-admin';
const OTHER = 'wx-someone-else';
const SETUP = { code: CODE, committeeName: '城东街道党工委', name: '周建国', phone: '13912345678' };

let h: Harness;
const open = async (options: { setupCode?: string; storage?: Storage; seed?: boolean } = {}) => {
  h = await createHarness({ seed: false, setupCode: CODE, ...options });
  return h;
};
afterEach(() => h?.close());

describe('初始化 of an empty environment', () => {
  it('is needed while no committee exists, for any signed-in caller', async () => {
    await open();
    expect(await h.call(OTHER, 'roster', 'setupStatus')).toEqual({ needed: true });
    expect(await h.call(OTHER, 'identity', 'me')).toMatchObject({ member: null, roles: [], setupNeeded: true });
    expect(await h.fail(null, 'roster', 'setupStatus')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('creates the committee, a branch, the caller’s bound roster entry and the admin role, audited', async () => {
    await open();
    const made = await h.call(FIRST, 'roster', 'setup', { ...SETUP, joinedAt: '1998-07-01', fullAt: '1999-07-01' });
    expect(await h.call(OTHER, 'roster', 'setupStatus')).toEqual({ needed: false });

    const { orgs } = await h.call(FIRST, 'roster', 'tree');
    expect(orgs).toHaveLength(2);
    expect(orgs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: made.committeeId, name: '城东街道党工委', kind: 'committee', parentId: null }),
        expect.objectContaining({ id: made.branchId, name: '机关党支部', kind: 'branch', parentId: made.committeeId }),
      ]),
    );
    const me = await h.call(FIRST, 'identity', 'me');
    expect(me).toMatchObject({
      member: { id: made.memberId, name: '周建国', orgId: made.branchId, joinedAt: '1998-07-01', fullAt: '1999-07-01' },
      roles: [{ orgId: made.committeeId, role: 'admin', orgName: '城东街道党工委' }],
      setupNeeded: false,
    });
    expect(me.permissions[0].permissions).toEqual(expect.arrayContaining(['org.manage', 'audit.read', 'roster.write']));

    // The admin can go on at once: a branch of their own making, roles, the audit log.
    const branch = await h.call(FIRST, 'roster', 'createOrg', {
      parentId: made.committeeId,
      name: '第一党支部',
      kind: 'branch',
    });
    expect(branch.id).toEqual(expect.any(String));
    const log = await h.call(FIRST, 'roster', 'auditLog');
    const entry = log.items.find((item) => item.id === SETUP_AUDIT_ID);
    expect(entry).toMatchObject({ action: 'setup', actor: FIRST, target: `orgs/${made.committeeId}` });
    expect(JSON.stringify(entry)).not.toContain('13912345678');
    expect(JSON.stringify(entry)).toContain('139****5678');
  });

  it('keeps the separate consent the 初始化 page asks with the audit entry, and refuses anything but true', async () => {
    await open();
    const refused = await h.fail(FIRST, 'roster', 'setup', { ...SETUP, consent: false });
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'consent',
      message: expect.stringMatching(/单独同意/),
    });
    expect(await h.call(OTHER, 'roster', 'setupStatus')).toEqual({ needed: true });
    await h.call(FIRST, 'roster', 'setup', { ...SETUP, consent: true });
    const [entry] = (await h.call(FIRST, 'roster', 'auditLog')).items;
    expect(entry.after).toMatchObject({ consent: { version: expect.any(String), at: h.now.value.toISOString() } });
  });

  it('leaves the party details of the admin’s entry open when not given, and takes a branch name', async () => {
    await open();
    const made = await h.call(FIRST, 'roster', 'setup', { ...SETUP, branchName: '党工委机关第一支部' });
    const member = await h.store.get('members', made.memberId);
    expect(member).toMatchObject({ joinedAt: null, fullAt: null, partyStatus: 'full', openid: FIRST });
    expect((await h.store.get('orgs', made.branchId))?.name).toBe('党工委机关第一支部');
    // The entry can be completed later, and only with both dates.
    expect(await h.fail(FIRST, 'roster', 'updateMember', { id: made.memberId, name: '周建华' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'joinedAt',
    });
    await h.call(FIRST, 'roster', 'updateMember', { id: made.memberId, joinedAt: '1998-07-01', fullAt: '1999-07-01' });
    expect(await h.store.get('members', made.memberId)).toMatchObject({ joinedAt: '1998-07-01' });
  });

  it.each([
    [{ joinedAt: '1998-07-01' }, 'fullAt', '正式党员请填写转正日期'],
    [{ partyStatus: 'probationary', joinedAt: '2026-06-01', fullAt: '2027-06-01' }, 'fullAt', '预备党员尚无转正日期'],
    [{ fullAt: '1999-07-01' }, 'joinedAt', '填写转正日期时请同时填写入党日期'],
    [{ branchName: '城东街道党工委' }, 'branchName', '支部名称不能与党委名称相同'],
  ])('refuses inconsistent details %j on %s, creating nothing', async (extra, field, message) => {
    await open();
    const before = await documentCounts(h.store);
    expect(await h.fail(FIRST, 'roster', 'setup', { ...SETUP, ...extra })).toMatchObject({
      code: 'INVALID_INPUT',
      field,
      message,
    });
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('answers CONFLICT forever once a committee exists, before looking at the code', async () => {
    await open();
    await h.call(FIRST, 'roster', 'setup', SETUP);
    const before = await documentCounts(h.store);
    for (const code of [CODE, 'not-the-code'])
      expect(await h.fail(OTHER, 'roster', 'setup', { ...SETUP, code, committeeName: '另一个党委' })).toMatchObject({
        code: 'CONFLICT',
      });
    expect(await h.fail(FIRST, 'roster', 'setup', SETUP)).toMatchObject({ code: 'CONFLICT' });
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('answers CONFLICT where the demo committee exists', async () => {
    await open({ seed: true });
    expect(await h.call(OTHER, 'roster', 'setupStatus')).toEqual({ needed: false });
    expect(await h.fail(OTHER, 'roster', 'setup', SETUP)).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the setup code', () => {
  it.each([
    ['unset', undefined],
    ['too short', '1234567'],
  ])('refuses every setup while it is %s, saying where to set it', async (_, setupCode) => {
    await open({ setupCode });
    const before = await documentCounts(h.store);
    const error = await h.fail(FIRST, 'roster', 'setup', { ...SETUP, code: setupCode ?? 'anything' });
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(error.message).toContain('ZHIBU_SETUP_CODE');
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('refuses a wrong code, saying how many tries are left, and creates nothing else', async () => {
    await open();
    const error = await h.fail(FIRST, 'roster', 'setup', { ...SETUP, code: `${CODE}x` });
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: `初始化码不正确，还可尝试 ${SETUP_ATTEMPTS_PER_CALLER - 1} 次`,
    });
    expect(await h.store.count('orgs')).toBe(0);
    expect(await h.store.count('members')).toBe(0);
    expect(await h.store.count('roles')).toBe(0);
    expect(await h.store.count('setupAttempts')).toBe(1);
  });

  it(`locks a caller out for an hour after ${SETUP_ATTEMPTS_PER_CALLER} wrong codes, even with the right one`, async () => {
    await open();
    for (let i = 0; i < SETUP_ATTEMPTS_PER_CALLER; i++)
      expect(await h.fail(FIRST, 'roster', 'setup', { ...SETUP, code: `guess-${i}-xxxx` })).toMatchObject({
        code: 'FORBIDDEN',
      });
    expect(await h.fail(FIRST, 'roster', 'setup', SETUP)).toMatchObject({
      code: 'FORBIDDEN',
      message: '初始化码错误次数过多，请 1 小时后再试',
    });
    // Someone else is not locked out by one caller's guesses.
    await h.call(OTHER, 'roster', 'setupStatus');
    h.now.value = new Date(h.now.value.getTime() + 3600_000 + 1000);
    expect(await h.call(FIRST, 'roster', 'setup', SETUP)).toMatchObject({ committeeId: expect.any(String) });
  });

  it(`stops everyone for an hour after ${SETUP_ATTEMPTS_IN_ALL} wrong codes from many callers`, async () => {
    await open();
    for (let i = 0; i < SETUP_ATTEMPTS_IN_ALL; i++)
      await h.fail(`wx-guesser-${i}`, 'roster', 'setup', { ...SETUP, code: `guess-${i}-xxxx` });
    expect(await h.fail(FIRST, 'roster', 'setup', SETUP)).toMatchObject({
      code: 'FORBIDDEN',
      message: '初始化码错误次数过多，请 1 小时后再试',
    });
    expect(await h.store.count('orgs')).toBe(0);
  });
});

describe.each(STORAGES)('two setups at once (%s store)', (storage) => {
  it('make exactly one committee and one admin; the other answers CONFLICT', async () => {
    await open({ storage });
    const results = await Promise.all([
      h.raw(FIRST, 'roster', { action: 'setup', data: SETUP }),
      h.raw(OTHER, 'roster', {
        action: 'setup',
        data: { ...SETUP, committeeName: '城西街道党工委', phone: '13987654321' },
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }]);
    expect(await h.store.count('orgs', { kind: 'committee' })).toBe(1);
    expect(await h.store.count('roles')).toBe(1);
    expect(await h.store.count('members')).toBe(1);
  });
});
