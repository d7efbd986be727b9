import type { DeclareInput } from '../../../contracts';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { SECRETARY, VISITOR } from '../../../tests/support/demo';
import { phoneKeyDoc } from '../../roster';

/**
 * 亮身份 for people on the way to membership (入党申请人, 入党积极分子, 发展对象): they declare without 入党日期,
 * and approval binds them only to the roster entry their 发展党员 file made (never a new one); a Party
 * member's declaration never binds to such an entry, nor theirs to a Party member's. Bound, they have
 * no identity card, and `identity.me` says when they will.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const BRANCH = 'org-branch-1';
const PHONE = '13912345678';
/** 吴桂兰: an unbound 正式党员 of 第一党支部. */
const WU_GUILAN = 'member-008';

const onTheWay = (overrides: Partial<DeclareInput> = {}): DeclareInput => ({
  name: '林晓东',
  phone: PHONE,
  partyStatus: 'applicant',
  orgId: BRANCH,
  consent: true,
  ...overrides,
});

let entries = 0;

/**
 * The roster entry a 发展党员 file keeps for someone on the way (as `develop.start` makes it), written
 * directly: these tests are about binding, not about the file.
 */
async function openFile(orgId = BRANCH, phone = PHONE, name = '林晓东') {
  const memberId = `member-on-way-${++entries}`;
  const at = h.now.value.toISOString();
  await h.store.create('members', {
    _id: memberId,
    name,
    phone,
    partyStatus: 'applicant',
    joinedAt: null,
    fullAt: null,
    committeeId: 'org-committee',
    branchId: orgId,
    groupId: null,
    status: 'active',
    inactiveReason: null,
    openid: null,
    externalOrg: null,
    history: [{ at, action: 'created', note: '发展党员：递交入党申请书，登记为入党申请人' }],
    createdAt: at,
    updatedAt: at,
  });
  await h.store.create('phoneKeys', phoneKeyDoc({ _id: memberId, committeeId: 'org-committee', phone }, at));
  return { memberId };
}

async function declare(input: DeclareInput, openid = VISITOR) {
  return (await h.call(openid, 'identity', 'declare', input)).id;
}

const approve = (id: string, extra: Record<string, unknown> = {}) =>
  h.call(SECRETARY, 'identity', 'review', { id, decision: 'approve', ...extra });

describe('declaring while on the way', () => {
  it('needs no 入党日期, and refuses one; a Party member still needs it', async () => {
    await expectError(h, VISITOR, 'identity', 'declare', onTheWay({ joinedAt: '2024-01-01' }), 'INVALID_INPUT').then(
      (e) => expect(e).toMatchObject({ field: 'joinedAt', message: expect.stringContaining('尚无入党日期') }),
    );
    await expectError(
      h,
      VISITOR,
      'identity',
      'declare',
      onTheWay({ partyStatus: 'full', fullAt: '2016-01-01' }),
      'INVALID_INPUT',
    ).then((e) => expect(e).toMatchObject({ field: 'joinedAt', message: 'joinedAt：请填写入党日期' }));
    await expectError(
      h,
      VISITOR,
      'identity',
      'declare',
      onTheWay({ orgId: undefined, externalOrg: '某某街道第三党支部' }),
      'INVALID_INPUT',
    ).then((e) => expect(e.field).toBe('orgId'));
    await expectError(
      h,
      VISITOR,
      'identity',
      'declare',
      onTheWay({ partyStatus: 'visitor' as never }),
      'INVALID_INPUT',
    );
    const id = await declare(onTheWay());
    expect(await h.store.get('declarations', id)).toMatchObject({ partyStatus: 'applicant', joinedAt: null });
  });
});

describe('approval binds to the 发展党员 file’s entry, and only to it', () => {
  it('binds to the entry (no new one); `me` has no card but says when; the card is refused with that', async () => {
    const { memberId } = await openFile();
    const id = await declare(onTheWay({ partyStatus: 'activist' }));
    const item = (await h.call(SECRETARY, 'identity', 'listDeclarations')).items.find((i) => i.id === id);
    expect(item).toMatchObject({ partyStatus: 'activist', joinedAt: null, match: { memberId, name: '林晓东' } });

    const members = await h.store.count('members');
    expect(await approve(id)).toEqual({ status: 'approved', memberId });
    expect(await h.store.count('members')).toBe(members);
    // The file decides the status, not the declaration.
    expect(await h.store.get('members', memberId)).toMatchObject({ openid: VISITOR, partyStatus: 'applicant' });

    const me = await h.call(VISITOR, 'identity', 'me');
    expect(me.member).toMatchObject({
      id: memberId,
      partyStatus: 'applicant',
      joinedAt: null,
      partyYears: null,
      cardNote: '您是入党申请人，成为预备党员后可领取党员身份卡',
    });
    const card = await expectError(h, VISITOR, 'identity', 'card', undefined, 'NOT_FOUND');
    expect(card.message).toBe('您是入党申请人，成为预备党员后可领取党员身份卡');
  });

  type Case = [
    what: string,
    arrange: () => Promise<{ declaration: DeclareInput; review?: Record<string, unknown> }>,
    message: RegExp,
  ];
  const refused: Case[] = [
    [
      'on the way, with no file in the branch',
      async () => ({ declaration: onTheWay() }),
      /未找到申报人的发展党员档案.*未找到您的发展党员档案，请联系支部书记/,
    ],
    [
      'on the way, the file in another branch',
      async () => {
        await openFile('org-branch-2');
        return { declaration: onTheWay() };
      },
      /未找到申报人的发展党员档案/,
    ],
    [
      'on the way, the file closed (its entry deactivated)',
      async () => {
        const { memberId } = await openFile();
        await h.store.update('members', memberId, {
          $set: { status: 'inactive', inactiveReason: '终止发展：不再列为培养对象' },
        });
        return { declaration: onTheWay() };
      },
      /未找到申报人的发展党员档案/,
    ],
    [
      'on the way, as a Party member’s entry (name and phone)',
      async () => {
        const wu = await h.store.get('members', WU_GUILAN);
        return { declaration: onTheWay({ name: '吴桂兰', phone: wu?.phone ?? '' }) };
      },
      /花名册中吴桂兰登记为正式党员，与申报的「正在申请入党」不符/,
    ],
    [
      'on the way, a Party member’s entry chosen by the reviewer',
      async () => ({ declaration: onTheWay(), review: { memberId: WU_GUILAN } }),
      /吴桂兰登记为正式党员/,
    ],
    [
      'a Party member, as an entry on the way (name and phone)',
      async () => {
        await openFile();
        return {
          declaration: onTheWay({ partyStatus: 'probationary', joinedAt: '2025-06-10' }),
        };
      },
      /花名册中林晓东登记为入党申请人，与申报的「党员」不符/,
    ],
    [
      'a Party member, an entry on the way chosen by the reviewer',
      async () => {
        const { memberId } = await openFile(BRANCH, '13912345679');
        return {
          declaration: onTheWay({ partyStatus: 'full', joinedAt: '2015-01-01', fullAt: '2016-01-01' }),
          review: { memberId },
        };
      },
      /林晓东登记为入党申请人/,
    ],
  ];

  it.each(refused)('refused: %s — CONFLICT, nothing bound or created', async (_what, arrange, message) => {
    const { declaration, review } = await arrange();
    const id = await declare(declaration);
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id, decision: 'approve', ...review },
      'CONFLICT',
    );
    expect(error.message).toMatch(message);
    expect(await snapshot(h.store)).toEqual(before);
    expect((await h.call(VISITOR, 'identity', 'me')).member).toBeNull();
  });

  it('the reviewer sees no match for a declaration with no file, and may reject it with the message', async () => {
    const id = await declare(onTheWay());
    const item = (await h.call(SECRETARY, 'identity', 'listDeclarations')).items.find((i) => i.id === id);
    expect(item?.match).toBeNull();
    await h.call(SECRETARY, 'identity', 'review', {
      id,
      decision: 'reject',
      reason: '未找到您的发展党员档案，请联系支部书记',
    });
    expect((await h.call(VISITOR, 'identity', 'me')).declaration).toMatchObject({
      status: 'rejected',
      reason: '未找到您的发展党员档案，请联系支部书记',
    });
  });

  it('a Party member’s declaration still binds to a Party member’s entry, or makes a new one', async () => {
    await openFile();
    const wu = await h.store.get('members', WU_GUILAN);
    const id = await declare(
      onTheWay({
        name: '吴桂兰',
        phone: wu?.phone ?? '',
        partyStatus: 'full',
        joinedAt: '1979-10-01',
        fullAt: '1980-10-01',
      }),
    );
    expect(await approve(id)).toEqual({ status: 'approved', memberId: WU_GUILAN });
    expect((await h.call(VISITOR, 'identity', 'me')).member?.cardNote).toBeNull();
  });
});
