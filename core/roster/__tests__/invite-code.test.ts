import { branchOfInviteScene, INVITE_PAGE } from '../../../contracts/labels/roster';
import { resetMiniProgramCodes } from '../../runtime/mini-program-code';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { ADMIN, MEMBER, SECRETARY, VISITOR } from '../../../tests/support/demo';
import { textOfPng, WxacodeDouble } from '../../../tests/support/wxacode-double';

/**
 * 邀请入支部 as a 小程序码 (issue 16): the branch travels as the code's `scene` (`o=<id>`) to 亮身份,
 * which WeChat opens with the scene URL-encoded; the declaration then names that branch.
 */
let h: Harness;
let wechat: WxacodeDouble;

beforeEach(async () => {
  resetMiniProgramCodes();
  wechat = new WxacodeDouble([INVITE_PAGE, 'pages/checkin/index']);
  h = await createHarness({ storage: 'file', miniProgramCode: wechat.make });
});
afterEach(() => h.close());

const sceneOf = (image: string | null): string | null => {
  expect(image).toMatch(/^data:image\/png;base64,/);
  return textOfPng(Buffer.from((image ?? '').split(',')[1] ?? '', 'base64'), 'scene');
};

it('makes a 小程序码 whose scene names the branch, and a visitor who scans it declares to that branch', async () => {
  const invite = await h.call(ADMIN, 'roster', 'inviteCode', { orgId: 'org-branch-2' });
  expect(invite).toMatchObject({ orgId: 'org-branch-2', path: `/${INVITE_PAGE}?orgId=org-branch-2` });
  expect(wechat.requests).toEqual([{ scene: 'o=org-branch-2', page: INVITE_PAGE }]);
  const scene = sceneOf(invite.image);
  expect(scene?.length).toBeLessThanOrEqual(32);

  // WeChat opens the page with the scene URL-encoded in its query; the page reads the branch from it.
  const orgId = branchOfInviteScene(encodeURIComponent(scene ?? ''));
  expect(orgId).toBe('org-branch-2');
  await h.call(VISITOR, 'identity', 'declare', {
    name: '张卫东',
    phone: '13800138000',
    partyStatus: 'full',
    joinedAt: '2015-07-01',
    fullAt: '2016-07-01',
    orgId: orgId ?? '',
    consent: true,
  });
  expect((await h.call(VISITOR, 'identity', 'me')).declaration).toMatchObject({ orgId: 'org-branch-2' });
});

it('asks WeChat once per branch, and falls back to the path when WeChat refuses', async () => {
  await Promise.all([1, 2, 3].map(() => h.call(ADMIN, 'roster', 'inviteCode', { orgId: 'org-branch-1' })));
  expect(wechat.requests).toHaveLength(1);
  wechat.failing = true;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const refused = await h.call(ADMIN, 'roster', 'inviteCode', { orgId: 'org-branch-2' });
  expect(refused).toMatchObject({ image: null, path: `/${INVITE_PAGE}?orgId=org-branch-2` });
});

it('answers the path alone where the environment makes no 小程序码 (the local host, link codes)', async () => {
  const local = await createHarness();
  try {
    expect(await local.call(ADMIN, 'roster', 'inviteCode', { orgId: 'org-branch-1' })).toEqual({
      orgId: 'org-branch-1',
      path: `/${INVITE_PAGE}?orgId=org-branch-1`,
      image: null,
    });
  } finally {
    await local.close();
  }
});

it('refuses callers below admin, groups, archived and unknown nodes, and malformed ids, asking WeChat for none', async () => {
  for (const who of [SECRETARY, MEMBER, VISITOR])
    expect(await h.fail(who, 'roster', 'inviteCode', { orgId: 'org-branch-1' })).toMatchObject({ code: 'FORBIDDEN' });
  expect(await h.fail(ADMIN, 'roster', 'inviteCode', { orgId: 'org-group-1' })).toMatchObject({
    code: 'INVALID_INPUT',
    message: expect.stringMatching(/只能邀请加入党支部/),
  });
  const { id } = await h.call(ADMIN, 'roster', 'createOrg', {
    parentId: 'org-committee',
    name: '临时党支部',
    kind: 'branch',
  });
  await h.call(ADMIN, 'roster', 'archiveOrg', { id });
  expect(await h.fail(ADMIN, 'roster', 'inviteCode', { orgId: id })).toMatchObject({
    code: 'INVALID_INPUT',
    message: expect.stringMatching(/已撤销/),
  });
  expect(await h.fail(ADMIN, 'roster', 'inviteCode', { orgId: 'org-nowhere' })).toMatchObject({ code: 'NOT_FOUND' });
  expect(await h.fail(ADMIN, 'roster', 'inviteCode', { orgId: 'x'.repeat(5000) })).toMatchObject({
    code: 'INVALID_INPUT',
  });
  expect(wechat.requests).toEqual([]);
});

describe('branchOfInviteScene', () => {
  it('reads o=<id>, encoded or not, and nothing else', () => {
    expect(branchOfInviteScene('o%3Dorg-branch-1')).toBe('org-branch-1');
    expect(branchOfInviteScene('o=org-branch-1')).toBe('org-branch-1');
    expect(branchOfInviteScene(undefined)).toBeUndefined();
    expect(branchOfInviteScene('act-1.AAAAAAAAAAA')).toBeUndefined();
    expect(branchOfInviteScene('o=../x')).toBeUndefined();
    expect(branchOfInviteScene('%E0%A4%A')).toBeUndefined();
  });
});
