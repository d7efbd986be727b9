import type { ApiResult, LectureOutputs } from '../../../contracts';
import { functions } from '../../functions';
import type { HandlerContext } from '../../runtime/context';
import { newId } from '../../runtime/ids';
import { CountingStore, zeroCounts } from '../../store/counting-store';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { snapshot } from '../../../tests/integration/support';
import { MEMBER, MEMBER_3 as OTHER_MEMBER } from '../../../tests/support/demo';

/**
 * What a heartbeat costs the database. Who the caller is and the lecture are kept per process;
 * with those copies warm, a heartbeat is one transaction that reads the member's player document
 * (their one playing session across lectures) and reads and writes their progress document —
 * three operations — and nothing else. A refused beat only reads.
 */
const SESSION = 'tab-cost-001';

let h: Harness;
let counting: CountingStore;

beforeEach(async () => {
  h = await createHarness();
  counting = new CountingStore(h.adapter);
});

afterEach(() => h.close());

const tick = (s: number) => {
  h.now.value = new Date(h.now.value.getTime() + s * 1000);
};

/** Calls the lecture function over the counting store (its caches are its own, as a fresh process's are). */
async function beat(position: number, session = SESSION, openid = MEMBER, id = 'lecture-4') {
  const ctx: HandlerContext = {
    openid,
    store: counting,
    clock: () => h.now.value,
    files: h.files.gatewayFor(openid),
    newId: () => newId(h.now.value.getTime()),
  };
  const result = (await functions.lecture(
    { action: 'heartbeat', data: { id, position, playing: true, session } },
    ctx,
  )) as ApiResult<LectureOutputs['heartbeat']>;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

it('caches warm, a heartbeat is one transaction of two gets and a set, nothing outside it', async () => {
  await beat(0);
  tick(10);
  counting.reset();
  expect(await beat(10)).toMatchObject({ coveredS: 10, credited: true, completed: false });
  expect(counting.outside).toEqual(zeroCounts());
  expect(counting.transactions).toEqual([
    { outcome: 'committed', attempts: [{ ...zeroCounts(), get: 2, set: 1, total: 3 }] },
  ]);

  // And so on, beat after beat.
  for (const position of [20, 30, 40]) {
    tick(10);
    counting.reset();
    await beat(position);
    expect(counting.all).toEqual({ ...zeroCounts(), get: 2, set: 1, total: 3 });
  }
});

it('an anchor (a jump ahead) costs the same three operations', async () => {
  await beat(0);
  tick(1);
  counting.reset();
  expect(await beat(60)).toMatchObject({ credited: false, coveredS: 0 });
  expect(counting.all).toEqual({ ...zeroCounts(), get: 2, set: 1, total: 3 });
});

it('a refused beat (stale, or another session playing) costs the reads and writes nothing', async () => {
  await beat(0);
  tick(10);
  await beat(10);
  const before = await snapshot(h.store, ['lectureProgress', 'lecturePlayers', 'ledger', 'pointTotals']);

  // Out of order: the clock went back.
  tick(-5);
  counting.reset();
  expect(await beat(5)).toMatchObject({ coveredS: 10, credited: false, position: 10 });
  expect(counting.outside).toEqual(zeroCounts());
  expect(counting.transactions).toHaveLength(1);
  expect(counting.transactions[0].attempts).toEqual([{ ...zeroCounts(), get: 2, total: 2 }]);

  // Another tab of the same member while the first is playing.
  tick(6);
  counting.reset();
  expect(await beat(11, 'tab-cost-002')).toMatchObject({ coveredS: 10, credited: false, playingElsewhere: true });
  expect(counting.all).toEqual({ ...zeroCounts(), get: 2, total: 2 });

  // Another lecture while the first is playing: the other lecture's progress is read as well.
  tick(1);
  counting.reset();
  expect(await beat(0, 'tab-cost-003', MEMBER, 'lecture-2')).toMatchObject({ credited: false, playingElsewhere: true });
  expect(counting.inside).toEqual({ ...zeroCounts(), get: 3, total: 3 });
  // (and that lecture itself, read once per process: cold here)
  expect(counting.outside).toEqual({ ...zeroCounts(), get: 1, total: 1 });

  expect(await snapshot(h.store, ['lectureProgress', 'lecturePlayers', 'ledger', 'pointTotals'])).toEqual(before);
});

it('the first heartbeat of a member, caches cold, reads who they are and the lecture once', async () => {
  // Another member's beat loads nothing this member needs but the lecture.
  await beat(0, SESSION, OTHER_MEMBER);
  counting.reset();
  await beat(0);
  // The binding and the member outside; the (absent) player and progress read and both created inside.
  expect(counting.outside).toEqual({ ...zeroCounts(), get: 2, total: 2 });
  expect(counting.inside).toEqual({ ...zeroCounts(), get: 2, set: 2, total: 4 });
});

it('the completing beat also posts the award, in the same transaction', async () => {
  await beat(0, SESSION, MEMBER, 'lecture-2');
  for (let p = 10; p <= 50; p += 10) {
    tick(10);
    await beat(p, SESSION, MEMBER, 'lecture-2');
  }
  tick(10);
  counting.reset();
  expect(await beat(60, SESSION, MEMBER, 'lecture-2')).toMatchObject({ completed: true, awarded: 1 });
  expect(counting.transactions).toHaveLength(1);
  // Player get; progress get + set; the ledger entry looked up and created; member and branch totals read and written.
  expect(counting.inside).toEqual({ ...zeroCounts(), get: 5, create: 1, set: 3, total: 9 });
  // The committee's rules, read once per process (cold here).
  expect(counting.outside).toEqual({ ...zeroCounts(), get: 1, total: 1 });
});
