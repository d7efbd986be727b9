import type { ActivityOutputs, ApiResult } from '../../../contracts';
import { functions } from '../../functions';
import type { HandlerContext } from '../../runtime/context';
import { newId } from '../../runtime/ids';
import { CountingStore, zeroCounts } from '../../store/counting-store';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { SECRETARY } from '../../../tests/support/demo';

/**
 * What a sign-in costs the database. Everything a sign-in reads but rarely changes (who the
 * caller is, the activity, the rules) is kept per process; with those copies warm, a member's
 * sign-in is one transaction of at most six operations by id and nothing else — the figure that
 * decides how many sign-ins per second one CloudBase environment takes.
 */
const NOW_ACT = 'act-demo-now';

let h: Harness;
let counting: CountingStore;

beforeEach(async () => {
  h = await createHarness();
  counting = new CountingStore(h.adapter);
});

afterEach(() => h.close());

/** Calls a function over the counting store (its caches are its own, as a fresh process's are). */
const call = (openid: string, action: string, data?: unknown) => {
  const ctx: HandlerContext = {
    openid,
    store: counting,
    clock: () => h.now.value,
    files: h.files.gatewayFor(openid),
    newId: () => newId(h.now.value.getTime()),
  };
  return functions.activity({ action, data }, ctx) as Promise<ApiResult<unknown>>;
};

const token = async () => {
  const result = (await call(SECRETARY, 'code', { id: NOW_ACT })) as ApiResult<ActivityOutputs['code']>;
  if (!result.ok) throw new Error(result.error.message);
  return result.data.token;
};

it('one more member’s sign-in, caches warm: one transaction of ≤ 6 operations, nothing outside it', async () => {
  const code = await token();
  expect(await call('demo-member-2', 'checkin', { token: code })).toMatchObject({ ok: true });

  counting.reset();
  expect(await call('demo-member-3', 'checkin', { token: code })).toMatchObject({
    ok: true,
    data: { status: 'present', already: false, points: 2 },
  });
  expect(counting.outside).toEqual(zeroCounts());
  expect(counting.transactions).toHaveLength(1);
  const [transaction] = counting.transactions;
  expect(transaction.outcome).toBe('committed');
  expect(transaction.attempts).toHaveLength(1);
  const [attempt] = transaction.attempts;
  expect(attempt.total).toBeLessThanOrEqual(6);
  // Member and branch totals read; the entry and the record created; both totals written.
  expect(attempt).toEqual({ ...zeroCounts(), get: 2, create: 2, set: 2, total: 6 });
  expect(attempt.query + attempt.count).toBe(0);
});

it('a repeated sign-in costs one failed transaction and one read', async () => {
  const code = await token();
  await call('demo-member-2', 'checkin', { token: code });
  counting.reset();
  expect(await call('demo-member-2', 'checkin', { token: code })).toMatchObject({ ok: true, data: { already: true } });
  // The transaction stops at the first document that exists already; the earlier sign-in is read.
  expect(counting.transactions).toEqual([{ outcome: 'failed', attempts: [expect.any(Object)] }]);
  expect(counting.transactions[0].attempts[0].total).toBeLessThanOrEqual(6);
  expect(counting.outside).toEqual({ ...zeroCounts(), get: 1, total: 1 });
});

it('counts operations outside transactions and per attempt', async () => {
  await counting.get('members', 'member-003');
  await counting.query('members', { where: { branchId: 'org-branch-1' }, limit: 5 });
  await counting.count('members');
  await counting.transaction(async (tx) => {
    await tx.get('members', 'member-003');
    await tx.update('members', 'member-003', { $set: { updatedAt: h.now.value.toISOString() } });
  });
  expect(counting.outside).toEqual({ ...zeroCounts(), get: 1, query: 1, count: 1, total: 3 });
  expect(counting.transactions).toEqual([
    { outcome: 'committed', attempts: [{ ...zeroCounts(), get: 1, update: 1, total: 2 }] },
  ]);
  expect(counting.inside).toEqual({ ...zeroCounts(), get: 1, update: 1, total: 2 });
  expect(counting.all.total).toBe(5);
});
