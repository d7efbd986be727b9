import type { LectureOutputs } from '../../../contracts';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { ADMIN, MEMBER, SECRETARY } from '../../../tests/support/demo';

/**
 * Lectures resist gaming: the publisher earns nothing from their own lecture, a failed quiz does
 * not give the answers away, one member plays one lecture at a time, and the position may not
 * outrun the wall clock beyond jitter. The clock is the harness's, moved between beats.
 */
const SECRETARY_ID = 'member-001';
const MEMBER_ID = 'member-003';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const tick = (s: number) => {
  h.now.value = new Date(h.now.value.getTime() + s * 1000);
};

const beat = (id: string, position: number, playing = true, session = 'tab-trust-01', openid = MEMBER) =>
  h.call(openid, 'lecture', 'heartbeat', { id, position, playing, session });

async function play(id: string, from: number, to: number, openid = MEMBER, session = 'tab-trust-01', step = 10) {
  let last = await beat(id, from, true, session, openid);
  for (let p = from; p < to;) {
    const next = Math.min(to, p + step);
    tick(next - p);
    last = await beat(id, next, true, session, openid);
    p = next;
  }
  return last;
}

const progressOf = (lectureId: string, memberId = MEMBER_ID) =>
  h.store.get('lectureProgress', `${lectureId}:${memberId}`);
const entryOf = (lectureId: string, memberId: string) => h.store.get('ledger', `lecture:${lectureId}:${memberId}`);

const RIGHT = { q1: 'A', q2: 'B', q3: ['B', 'A'] };
const WRONG = { q1: 'B', q2: 'B', q3: ['A'] };

async function createLecture(openid: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { id } = await h.call(openid, 'lecture', 'create', {
    title: '本人发布的课程',
    speaker: '测试主讲人',
    kind: 'micro_lecture',
    durationS: 20,
    video: h.files.upload(openid, Buffer.from('x')),
    summary: '用于测试的短课程。',
    tags: [],
    orgIds: ['org-branch-1'],
    ...extra,
  } as never);
  return id;
}

describe('the publisher of a lecture earns nothing from it', () => {
  it('watching one’s own lecture completes it with a 0 entry and a note; another member earns the point', async () => {
    const id = await createLecture(SECRETARY);
    const view = await h.call(SECRETARY, 'lecture', 'get', { id });
    expect(view).toMatchObject({ points: 0, pointsNote: '本人发布的课程，学习不计分' });
    expect((await h.call(MEMBER, 'lecture', 'get', { id })).points).toBe(1);

    const own = await play(id, 0, 20, SECRETARY);
    expect(own).toMatchObject({ completed: true, awarded: 0 });
    expect(await entryOf(id, SECRETARY_ID)).toMatchObject({
      value: 0,
      reason: '学习微党课「本人发布的课程」（本人发布的课程，不计分）',
    });
    expect((await progressOf(id, SECRETARY_ID))?.doneAt).not.toBeNull();

    expect(await play(id, 0, 20, MEMBER)).toMatchObject({ completed: true, awarded: 1 });
    expect(await entryOf(id, MEMBER_ID)).toMatchObject({ value: 1 });
    // Completion still counts in the lecture's statistics.
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id, orgId: 'org-branch-1' });
    expect(stats.completed).toBe(2);
  });

  it('a passed quiz on one’s own lecture awards 0 as well (the demo lectures were published by the admin)', async () => {
    await play('lecture-1', 0, 45, ADMIN);
    const result = await h.call(ADMIN, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: RIGHT });
    expect(result).toMatchObject({ passed: true, awarded: 0 });
    expect(await entryOf('lecture-1', 'member-007')).toMatchObject({ value: 0 });
    expect((await entryOf('lecture-1', 'member-007'))?.reason).toContain('本人发布的课程，不计分');
  });
});

describe('a failed quiz does not give the answers away', () => {
  it('failed: which questions were wrong, no correct options, no explanations; passed: everything', async () => {
    await play('lecture-1', 0, 45);
    const failed = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: WRONG });
    expect(failed).toEqual({
      passed: false,
      score: 33,
      correctCount: 1,
      total: 3,
      awarded: null,
      results: [
        { questionId: 'q1', correct: false, chosen: ['B'], correctOptions: null, explanation: null },
        { questionId: 'q2', correct: true, chosen: ['B'], correctOptions: null, explanation: null },
        { questionId: 'q3', correct: false, chosen: ['A'], correctOptions: null, explanation: null },
      ],
    });
    expect(JSON.stringify(failed)).not.toMatch(/全心全意为人民服务|共产主义|先锋队/);

    const passed = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: RIGHT });
    expect(passed.results.map((r) => [r.questionId, r.correctOptions])).toEqual([
      ['q1', ['A']],
      ['q2', ['B']],
      ['q3', ['A', 'B']],
    ]);
    expect(passed.results.every((r) => typeof r.explanation === 'string' && r.explanation.length > 0)).toBe(true);

    // Once passed, a later attempt (a review) shows the answers too.
    const review = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: WRONG });
    expect(review).toMatchObject({ passed: false, awarded: null });
    expect(review.results[0]).toMatchObject({ correct: false, correctOptions: ['A'], explanation: expect.any(String) });
  });
});

describe('one playing session per member across all lectures', () => {
  it('a beat for another lecture while one plays credits nothing; the newer takes over once the first pauses', async () => {
    await beat('lecture-2', 0, true, 'tab-a-000001');
    tick(5);
    const refused = await beat('lecture-4', 0, true, 'tab-b-000001');
    expect(refused).toMatchObject({ credited: false, playingElsewhere: true });
    tick(5);
    expect(await beat('lecture-2', 10, true, 'tab-a-000001')).toMatchObject({ credited: true, coveredS: 10 });
    tick(5);
    expect(await beat('lecture-4', 10, true, 'tab-b-000001')).toMatchObject({ credited: false, coveredS: 0 });
    expect(await progressOf('lecture-4')).toBeNull();

    // The first pauses: the other lecture takes over at once (an anchor), then is credited.
    tick(1);
    await beat('lecture-2', 11, false, 'tab-a-000001');
    tick(1);
    expect(await beat('lecture-4', 0, true, 'tab-b-000001')).toMatchObject({
      credited: false,
      playingElsewhere: false,
    });
    tick(10);
    expect(await beat('lecture-4', 10, true, 'tab-b-000001')).toMatchObject({ credited: true, coveredS: 10 });
    // Now the first is refused while the second plays.
    tick(1);
    expect(await beat('lecture-2', 11, true, 'tab-a-000001')).toMatchObject({
      credited: false,
      playingElsewhere: true,
    });
  });

  it('a player that went quiet is taken over after the live window, and its time in between is not credited twice', async () => {
    await beat('lecture-2', 0, true, 'tab-a-000002');
    tick(10);
    await beat('lecture-2', 10, true, 'tab-a-000002');
    // Lecture A goes quiet (tab closed without a pause beat); B is refused for 30 s, then takes over.
    tick(20);
    expect(await beat('lecture-4', 0, true, 'tab-b-000002')).toMatchObject({ playingElsewhere: true });
    tick(10);
    expect(await beat('lecture-4', 0, true, 'tab-b-000002')).toMatchObject({ playingElsewhere: false });
    tick(10);
    expect(await beat('lecture-4', 10, true, 'tab-b-000002')).toMatchObject({ credited: true, coveredS: 10 });
    tick(10);
    await beat('lecture-4', 20, true, 'tab-b-000002');
    // B pauses; A's old tab comes back 51 s after its last beat, within the gap a span may cover:
    // the time B played is not credited to A as well.
    tick(1);
    await beat('lecture-4', 20, false, 'tab-b-000002');
    expect(await beat('lecture-2', 50, true, 'tab-a-000002')).toMatchObject({ credited: false, coveredS: 10 });
    expect((await progressOf('lecture-2'))?.state.intervals).toEqual([[0, 10]]);
  });
});

describe('the position may not outrun the wall clock', () => {
  /** Claims `rate`× playback with a beat every `cadence` seconds for `wallS` seconds of real time. */
  async function claim(rate: number, cadence: number, wallS: number): Promise<LectureOutputs['heartbeat']> {
    let last = await beat('lecture-2', 0);
    for (let t = cadence; t <= wallS; t += cadence) {
      tick(cadence);
      last = await beat('lecture-2', Math.round(t * rate * 100) / 100);
    }
    return last;
  }

  it.each([
    [1.4, 10],
    [1.4, 15],
    [1.4, 1],
    [1.2, 10],
    [1.1, 5],
    [1.1, 10],
    [2, 10],
  ])('%s× with a beat every %s s: 40 s of real time cannot complete a 60 s lecture', async (rate, cadence) => {
    const last = await claim(rate, cadence, 40);
    expect(last.completed).toBe(false);
    // Over any stretch, at most 1.05 × the wall time plus 3 s of jitter.
    expect(last.coveredS).toBeLessThanOrEqual(40 * 1.05 + 3);
    expect(await entryOf('lecture-2', MEMBER_ID)).toBeNull();
  });

  it('an honest player with a jittery network (arrivals late by 0–2 s) and a pause completes without a refused span', async () => {
    // A deterministic pseudo-random delay per beat.
    let seed = 7;
    const delay = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed % 2001) / 1000;
    };
    const start = h.now.value.getTime();
    const results: Array<LectureOutputs['heartbeat']> = [];
    const at = (mediaWallS: number) => (h.now.value = new Date(start + (mediaWallS + delay()) * 1000));
    // Play 0 → 40, pause 20 s, resume and play 40 → 90 (lecture-4 is 90 s), a beat every 10 s.
    for (let p = 0; p <= 40; p += 10) {
      at(p);
      results.push(await beat('lecture-4', p));
    }
    at(40.5);
    results.push(await beat('lecture-4', 40, false));
    for (let p = 40; p <= 90; p += 10) {
      at(p + 20.5);
      results.push(await beat('lecture-4', p));
    }
    const credited = results.map((r) => r.credited);
    // Anchors (the first beat, the pause beat at the same position, the resume) credit nothing; every span does.
    expect(credited).toEqual([false, true, true, true, true, false, false, true, true, true, true, true]);
    expect(results[results.length - 1]).toMatchObject({ coveredS: 90, completed: true, awarded: 1 });
  });
});
