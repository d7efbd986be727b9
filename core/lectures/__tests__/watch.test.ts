import type { ApiResult, LectureOutputs } from '../../../contracts';
import { branchTotalsId, memberTotalsId } from '../../points/totals';
import { createHarness, onStorage, STORAGES, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { countTransactionRuns } from '../../../tests/support/transaction-runs';
import { ADMIN, MEMBER, MEMBER_3 as GROUP_2_MEMBER, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

/**
 * Watching a lecture through the `lecture` function: the catalogue, heartbeats credited only for
 * time that really passed (the clock is the harness's, moved between beats), completion and its
 * award through the ledger, the monthly cap, quizzes.
 */
const MEMBER_ID = 'member-003';
const SESSION = 'tab-one-0001';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

/** Moves the harness clock by `s` seconds (negative: back). */
const tick = (s: number) => {
  h.now.value = new Date(h.now.value.getTime() + s * 1000);
};

const beat = (id: string, position: number, playing = true, session = SESSION, openid = MEMBER) =>
  h.call(openid, 'lecture', 'heartbeat', { id, position, playing, session });

/** Plays `id` from `from` to `to` in real time, a beat every `step` seconds (the first beat an anchor). */
async function play(id: string, from: number, to: number, step = 10, openid = MEMBER) {
  let last = await beat(id, from, true, SESSION, openid);
  for (let p = from; p < to;) {
    const next = Math.min(to, p + step);
    tick(next - p);
    last = await beat(id, next, true, SESSION, openid);
    p = next;
  }
  return last;
}

const progressOf = (lectureId: string, memberId = MEMBER_ID) =>
  h.store.get('lectureProgress', `${lectureId}:${memberId}`);

const lectureEntries = (memberId = MEMBER_ID) =>
  h.store.query('ledger', { where: { memberId, rule: 'lecture' }, orderBy: [['at', 'asc']], limit: 100 });

const upload = (owner = SECRETARY) => h.files.upload(owner, Buffer.from('x'));

/** A lecture created by the secretary (published to 第一党支部 unless told otherwise). */
async function createLecture(extra: Record<string, unknown> = {}, openid = SECRETARY): Promise<string> {
  const { id } = await h.call(openid, 'lecture', 'create', {
    title: '五秒钟的测试课程',
    speaker: '测试主讲人',
    kind: 'micro_lecture',
    durationS: 5,
    video: upload(openid),
    summary: '用于测试的短课程。',
    tags: ['测试'],
    orgIds: ['org-branch-1'],
    ...extra,
  } as never);
  return id;
}

async function expectConsistentPoints(): Promise<void> {
  expect(await h.call(ADMIN, 'points', 'verify')).toEqual({
    consistent: true,
    entries: await h.store.count('ledger'),
    differences: [],
  });
}

describe('lecture.list and lecture.get', () => {
  it('lists the published demo lectures of the committee, newest first, with the member’s progress', async () => {
    const list = await h.call(MEMBER, 'lecture', 'list');
    expect(list.items.map((i) => i.id)).toEqual(['film-1', 'lecture-4', 'lecture-3', 'lecture-2', 'lecture-1']);
    expect(list).toMatchObject({ total: 5, page: 1, pageSize: 20, continueWatching: [] });
    expect(list.items.find((i) => i.id === 'lecture-1')).toMatchObject({
      title: '党章学习第一课：党的性质和宗旨',
      kind: 'micro_lecture',
      kindLabel: '微党课',
      durationS: 45,
      hasQuiz: true,
      coverUrl: '/media/demo/lecture-1.jpg',
      progress: { coveredS: 0, completed: false, position: 0, maxSeekable: 0, quizPassed: false, points: null },
      watchedAt: null,
    });
    expect(list.items.find((i) => i.id === 'film-1')).toMatchObject({ kind: 'film', kindLabel: '教育片' });
    expect(list.items.find((i) => i.id === 'lecture-2')?.progress.quizPassed).toBeNull();

    const page = await h.call(MEMBER, 'lecture', 'list', { page: 2, pageSize: 2 });
    expect(page.items.map((i) => i.id)).toEqual(['lecture-3', 'lecture-2']);
    expect(page.total).toBe(5);
  });

  it('shows only what reaches the member: committee-wide, their branch and group; not other branches or unpublished', async () => {
    const branch1 = await createLecture({ title: '第一支部专题课' });
    tick(1);
    const group2 = await createLecture({ title: '第二党小组专题课', orgIds: ['org-group-2'] });
    tick(1);
    const unpublished = await createLecture({ title: '尚未发布的课程' });
    await h.call(SECRETARY, 'lecture', 'setPublished', { id: unpublished, published: false });
    tick(1);
    const branch2 = await createLecture({ title: '第二支部专题课', orgIds: ['org-branch-2'] }, ADMIN);

    const ids = async (openid: string) => (await h.call(openid, 'lecture', 'list')).items.map((i) => i.id);
    const demo = ['film-1', 'lecture-4', 'lecture-3', 'lecture-2', 'lecture-1'];
    expect(await ids(MEMBER)).toEqual([branch1, ...demo]);
    expect(await ids(GROUP_2_MEMBER)).toEqual([group2, branch1, ...demo]);
    expect(await ids(ADMIN)).toEqual([branch2, ...demo]);

    for (const id of [branch2, group2, unpublished])
      await expectError(h, MEMBER, 'lecture', 'get', { id }, 'NOT_FOUND');
    await expectError(h, MEMBER, 'lecture', 'get', { id: 'no-such-lecture' }, 'NOT_FOUND');
    await expectError(h, MEMBER, 'lecture', 'heartbeat', { id: branch2, position: 0, playing: true }, 'NOT_FOUND');
    await expectError(h, MEMBER, 'lecture', 'submitQuiz', { id: branch2, answers: {} }, 'NOT_FOUND');
    expect(await h.store.count('lectureProgress', { memberId: MEMBER_ID })).toBe(0);
    expect((await h.call(GROUP_2_MEMBER, 'lecture', 'get', { id: group2 })).title).toBe('第二党小组专题课');
  });

  it('filters by kind and searches title, speaker and tags (case-insensitively)', async () => {
    const ids = async (data: { kind?: 'film' | 'micro_lecture'; query?: string }) =>
      (await h.call(MEMBER, 'lecture', 'list', data)).items.map((i) => i.id);
    expect(await ids({ kind: 'film' })).toEqual(['film-1']);
    expect(await ids({ kind: 'micro_lecture' })).toEqual(['lecture-4', 'lecture-3', 'lecture-2', 'lecture-1']);
    expect(await ids({ query: '党章' })).toEqual(['lecture-1']);
    expect(await ids({ query: '刘敏' })).toEqual(['lecture-4']);
    expect(await ids({ query: '红色家书' })).toEqual(['film-1']);
    expect(await ids({ query: '组织生活' })).toEqual(['lecture-3']);
    expect(await ids({ query: '没有这个词' })).toEqual([]);
    expect(await ids({ kind: 'film', query: '党章' })).toEqual([]);
    const ai = await createLecture({ title: 'AI 时代的党员学习', tags: ['AI', '新技术'] });
    expect(await ids({ query: 'ai' })).toEqual([ai]);
    const result = await h.call(MEMBER, 'lecture', 'list', { query: '支部' });
    expect(result.total).toBe(result.items.length);
  });

  it('offers 继续观看 for what the member started and has not finished, with its progress', async () => {
    const list = await h.call(OFFICER, 'lecture', 'list');
    expect(list.continueWatching.map((i) => i.id)).toEqual(['lecture-3']);
    const expected = { coveredS: 30, completed: false, position: 30, maxSeekable: 30, points: null };
    expect(list.continueWatching[0].progress).toMatchObject(expected);
    expect(list.items.find((i) => i.id === 'lecture-3')?.progress).toMatchObject(expected);
    expect(list.items.find((i) => i.id === 'lecture-3')?.watchedAt).toBe('2026-11-22T02:00:00.000Z');
    expect(list.items.filter((i) => i.progress.coveredS > 0).map((i) => i.id)).toEqual(['lecture-3']);

    // Another member starts lecture-4 and finishes lecture-2: only lecture-4 is to continue.
    await play('lecture-4', 0, 20);
    // Leaving the page pauses the player (one lecture plays at a time).
    tick(1);
    await beat('lecture-4', 20, false);
    await play('lecture-2', 0, 60);
    const mine = await h.call(MEMBER, 'lecture', 'list');
    expect(mine.continueWatching.map((i) => i.id)).toEqual(['lecture-4']);
    expect(mine.items.find((i) => i.id === 'lecture-2')?.progress).toMatchObject({
      coveredS: 60,
      completed: true,
      points: 1,
    });
    expect(mine.items.find((i) => i.id === 'lecture-4')?.progress).toMatchObject({ coveredS: 20, completed: false });
  });

  it('get: the video, summary, public quiz (no answers), points and where playback resumes', async () => {
    const lecture = await h.call(OFFICER, 'lecture', 'get', { id: 'lecture-3' });
    expect(lecture).toMatchObject({
      id: 'lecture-3',
      title: '基层党支部标准化建设要点',
      durationS: 75,
      videoUrl: '/media/demo/lecture-3.mp4',
      summary: expect.stringContaining('标准化建设'),
      position: 30,
      coveredS: 30,
      completed: false,
      points: 1,
      progress: { maxSeekable: 30 },
    });
    expect(lecture.quiz).toBeUndefined();

    const quizzed = await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-1' });
    expect(quizzed.quiz?.passMark).toBe(60);
    expect(quizzed.quiz?.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(JSON.stringify(quizzed.quiz)).not.toMatch(/correct|explanation/);
    expect(quizzed.quiz?.questions[2]).toEqual({
      id: 'q3',
      kind: 'multiple',
      prompt: expect.any(String),
      options: [
        { id: 'A', text: expect.any(String) },
        { id: 'B', text: expect.any(String) },
        { id: 'C', text: expect.any(String) },
        { id: 'D', text: expect.any(String) },
      ],
    });
  });

  it('answers NOT_MEMBER to a visitor who has not declared their identity', async () => {
    await expectError(h, VISITOR, 'lecture', 'list', undefined, 'NOT_MEMBER');
    await expectError(h, VISITOR, 'lecture', 'get', { id: 'lecture-2' }, 'NOT_MEMBER');
    await expectError(
      h,
      VISITOR,
      'lecture',
      'heartbeat',
      { id: 'lecture-2', position: 0, playing: true },
      'NOT_MEMBER',
    );
    await expectError(h, VISITOR, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: {} }, 'NOT_MEMBER');
    await expectError(h, null, 'lecture', 'list', undefined, 'UNAUTHENTICATED');
    expect(await h.store.count('lectureProgress')).toBe(1);
  });
});

/** One heartbeat of a scenario: `dt` seconds after the previous one (negative: the clock went back). */
interface Step {
  dt: number;
  position: number;
  playing?: boolean;
  session?: string;
  /** Whether this beat added coverage. */
  credited: boolean;
  /** Covered seconds after this beat. */
  coveredS: number;
}

interface Scenario {
  name: string;
  lecture: string;
  steps: Step[];
  intervals: Array<[number, number]>;
  completed: boolean;
  /** Where playback resumes and how far the player may seek, after the last beat. */
  position: number;
  maxSeekable: number;
}

const s = (dt: number, position: number, credited: boolean, coveredS: number, more: Partial<Step> = {}): Step => ({
  dt,
  position,
  credited,
  coveredS,
  ...more,
});
const pause = { playing: false };
const A = { session: 'device-a-01' };
const B = { session: 'device-b-01' };

const SCENARIOS: Scenario[] = [
  {
    name: 'normal play to the end (60 s), then a pause beat',
    lecture: 'lecture-2',
    steps: [
      s(0, 0, false, 0),
      s(10, 10, true, 10),
      s(10, 20, true, 20),
      s(10, 30, true, 30),
      s(10, 40, true, 40),
      s(10, 50, true, 50),
      s(10, 60, true, 60),
      s(1, 60, false, 60, pause),
    ],
    intervals: [[0, 60]],
    completed: true,
    // At the very end playback starts again from the beginning; anywhere may be sought once complete.
    position: 0,
    maxSeekable: 60,
  },
  {
    name: 'pause and resume: the paused time earns nothing, the resume is an anchor',
    lecture: 'lecture-4',
    steps: [
      s(0, 0, false, 0),
      s(10, 10, true, 10),
      s(10, 20, true, 20, pause),
      s(300, 20, false, 20),
      s(10, 30, true, 30),
      s(10, 40, true, 40, pause),
    ],
    intervals: [[0, 40]],
    completed: false,
    position: 40,
    maxSeekable: 40,
  },
  {
    name: 'after a pause, a beat further on is an anchor: nothing for the span in between',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 10, true, 10, pause), s(300, 40, false, 10), s(10, 50, true, 20)],
    intervals: [
      [0, 10],
      [40, 50],
    ],
    completed: false,
    position: 50,
    maxSeekable: 50,
  },
  {
    name: 'silence of more than a minute while playing: the next beat re-anchors',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 10, true, 10), s(90, 55, false, 10), s(10, 65, true, 20)],
    intervals: [
      [0, 10],
      [55, 65],
    ],
    completed: false,
    position: 65,
    maxSeekable: 65,
  },
  {
    name: 'seek back: watching again adds nothing until past the furthest point',
    lecture: 'lecture-4',
    steps: [
      s(0, 0, false, 0),
      s(10, 10, true, 10),
      s(10, 20, true, 20),
      s(10, 30, true, 30),
      s(2, 10, false, 30),
      s(10, 20, false, 30),
      s(10, 30, false, 30),
      s(10, 40, true, 40),
    ],
    intervals: [[0, 40]],
    completed: false,
    position: 40,
    maxSeekable: 40,
  },
  {
    name: 'seek ahead: the skipped span earns nothing, watching after the jump does',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 10, true, 10), s(1, 60, false, 10), s(10, 70, true, 20)],
    intervals: [
      [0, 10],
      [60, 70],
    ],
    completed: false,
    position: 70,
    maxSeekable: 70,
  },
  {
    name: 'skipping straight to the end completes nothing',
    lecture: 'lecture-2',
    steps: [s(0, 0, false, 0), s(1, 59, false, 0), s(1, 60, true, 1)],
    intervals: [[59, 60]],
    completed: false,
    position: 0,
    maxSeekable: 60,
  },
  {
    name: 'a fast clock (positions advancing 3× the wall time) earns nothing',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 30, false, 0), s(10, 60, false, 0), s(10, 90, false, 0)],
    intervals: [],
    completed: false,
    position: 0,
    maxSeekable: 0,
  },
  {
    name: 'a fast clock beating every second (3× the wall time) earns nothing either',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(1, 3, false, 0), s(1, 6, false, 0), s(1, 9, false, 0), s(1, 12, false, 0)],
    intervals: [],
    completed: false,
    position: 0,
    maxSeekable: 0,
  },
  {
    name: 'beats milliseconds apart cannot each claim the jitter tolerance',
    lecture: 'lecture-2',
    steps: [s(0, 0, false, 0), ...Array.from({ length: 30 }, (_, i) => s(0.01, 2 * (i + 1), false, 0))],
    intervals: [],
    completed: false,
    position: 0,
    maxSeekable: 0,
  },
  {
    name: 'jumps ahead of under a second, milliseconds apart, earn nothing for what they skip',
    lecture: 'lecture-4',
    steps: [
      s(0, 0, false, 0),
      s(10, 10, true, 10),
      s(0.01, 10.9, false, 10),
      s(0.01, 10.91, true, 10.01),
      s(0.01, 11.8, false, 10.01),
      s(0.01, 11.81, true, 10.02),
      s(0.01, 12.7, false, 10.02),
      s(0.01, 12.71, true, 10.03),
    ],
    intervals: [
      [0, 10],
      [10.9, 10.91],
      [11.8, 11.81],
      [12.7, 12.71],
    ],
    completed: false,
    position: 12.71,
    maxSeekable: 12.71,
  },
  {
    name: 'slightly fast (1.2×) is credited only until the 3 s jitter allowance is spent',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 12, true, 12), s(10, 24, true, 24), s(10, 36, false, 24)],
    intervals: [[0, 24]],
    completed: false,
    // Where playback resumes: not beyond what was credited.
    position: 24,
    maxSeekable: 24,
  },
  {
    name: 'two sessions of the same member playing at once: the second is refused',
    lecture: 'lecture-4',
    steps: [
      s(0, 0, false, 0, A),
      s(1, 0, false, 0, B),
      s(9, 10, true, 10, A),
      s(1, 10, false, 10, B),
      s(9, 20, true, 20, A),
      s(1, 20, false, 20, B),
      s(9, 30, true, 30, A),
      s(1, 50, false, 30, B),
    ],
    intervals: [[0, 30]],
    completed: false,
    position: 30,
    maxSeekable: 30,
  },
  {
    name: 'alternating sessions whose beats both pause earn nothing between them',
    lecture: 'lecture-4',
    steps: [
      s(0, 0, false, 0, { ...A, ...pause }),
      s(5, 5, false, 0, { ...B, ...pause }),
      s(5, 10, false, 0, { ...A, ...pause }),
      s(5, 15, false, 0, { ...B, ...pause }),
    ],
    intervals: [],
    completed: false,
    position: 0,
    maxSeekable: 0,
  },
  {
    name: 'a second device takes over once the first has paused',
    lecture: 'lecture-4',
    steps: [
      s(0, 0, false, 0, A),
      s(10, 10, true, 10, A),
      s(1, 10, false, 10, { ...A, ...pause }),
      s(30, 10, false, 10, B),
      s(10, 20, true, 20, B),
      s(1, 20, false, 20, A),
    ],
    intervals: [[0, 20]],
    completed: false,
    position: 20,
    maxSeekable: 20,
  },
  {
    name: 'heartbeats out of order (an older time) are ignored',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 10, true, 10), s(-5, 5, false, 10), s(0, 80, false, 10), s(15, 20, true, 20)],
    intervals: [[0, 20]],
    completed: false,
    position: 20,
    maxSeekable: 20,
  },
  {
    name: 'a duplicate beat (same time) is ignored',
    lecture: 'lecture-4',
    steps: [s(0, 0, false, 0), s(10, 10, true, 10), s(0, 12, false, 10), s(10, 20, true, 20)],
    intervals: [[0, 20]],
    completed: false,
    position: 20,
    maxSeekable: 20,
  },
  {
    name: 'a position beyond the duration is clamped to it',
    lecture: 'lecture-2',
    steps: [
      s(0, 0, false, 0),
      s(10, 10, true, 10),
      s(10, 20, true, 20),
      s(10, 30, true, 30),
      s(10, 40, true, 40),
      s(10, 50, true, 50),
      s(10, 1000, true, 60),
    ],
    intervals: [[0, 60]],
    completed: true,
    position: 0,
    maxSeekable: 60,
  },
  {
    name: 'a first beat beyond the duration anchors at the end and credits nothing',
    lecture: 'lecture-2',
    steps: [s(0, 5000, false, 0), s(10, 5000, false, 0)],
    intervals: [],
    completed: false,
    position: 0,
    maxSeekable: 0,
  },
];

describe('lecture.heartbeat credits only plausible progress', () => {
  it.each(SCENARIOS)('$name', async ({ lecture, steps, intervals, completed, position, maxSeekable }) => {
    const results: Array<LectureOutputs['heartbeat']> = [];
    for (const step of steps) {
      tick(step.dt);
      results.push(await beat(lecture, step.position, step.playing ?? true, step.session ?? SESSION));
    }
    expect(results.map((r) => r.credited)).toEqual(steps.map((step) => step.credited));
    expect(results.map((r) => r.coveredS)).toEqual(steps.map((step) => step.coveredS));
    const last = results[results.length - 1];
    expect(last).toMatchObject({ completed, position, maxSeekable });

    const progress = await progressOf(lecture);
    expect(progress?.state.intervals).toEqual(intervals);
    expect(progress?.state.coveredS).toBe(steps[steps.length - 1].coveredS);
    expect(progress?.state.coveredS).toBeLessThanOrEqual(progress?.state.furthest ?? 0);
    // Never more than the duration, however the beats lie.
    const { durationS } = await h.call(MEMBER, 'lecture', 'get', { id: lecture });
    expect(progress?.state.coveredS).toBeLessThanOrEqual(durationS);
    expect(progress?.doneAt !== null).toBe(completed);

    // The award follows completion: exactly one +1 entry, or none.
    const entries = await lectureEntries();
    expect(entries.map((e) => [e._id, e.value])).toEqual(completed ? [[`lecture:${lecture}:${MEMBER_ID}`, 1]] : []);
    expect(results.filter((r) => r.awarded !== null).map((r) => r.awarded)).toEqual(completed ? [1] : []);
  });

  it('normal play: completes at 90 % coverage with one +1 ledger entry and the member’s totals moved', async () => {
    const before = await h.call(MEMBER, 'points', 'mine');
    const branchBefore = await h.store.get('pointTotals', branchTotalsId('org-branch-1', 2026));

    // lecture-4 is 90 s: 80 s is short of 90 %, 81 s reaches it.
    const at80 = await play('lecture-4', 0, 80);
    expect(at80).toMatchObject({ coveredS: 80, completed: false, awarded: null, maxSeekable: 80, position: 80 });
    tick(1);
    const at81 = await beat('lecture-4', 81);
    expect(at81).toEqual({
      coveredS: 81,
      completed: true,
      position: 81,
      maxSeekable: 90,
      credited: true,
      awarded: 1,
      playingElsewhere: false,
    });

    const entryId = `lecture:lecture-4:${MEMBER_ID}`;
    expect(await h.store.get('ledger', entryId)).toMatchObject({
      memberId: MEMBER_ID,
      branchId: 'org-branch-1',
      rule: 'lecture',
      ruleName: '学习微党课',
      kind: 'bonus',
      value: 1,
      reason: '学习微党课「学习贯彻全会精神」',
      source: 'lecture',
      recordedBy: null,
      at: h.now.value.toISOString(),
      monthKey: '2026-11',
    });

    const after = await h.call(MEMBER, 'points', 'mine');
    expect(after.totals).toEqual({
      month: before.totals.month + 1,
      quarter: before.totals.quarter + 1,
      year: before.totals.year + 1,
    });
    expect(after.score).toBe(before.score + 1);
    expect(after.entries.items[0]).toMatchObject({ id: entryId, rule: 'lecture', value: 1 });
    const memberTotals = await h.store.get('pointTotals', memberTotalsId(MEMBER_ID, 2026));
    expect(memberTotals?.ruleUse['lecture:2026-11']).toBe(1);
    const branchAfter = await h.store.get('pointTotals', branchTotalsId('org-branch-1', 2026));
    expect(branchAfter?.total.bonus).toBe((branchBefore?.total.bonus ?? 0) + 1);

    const progress = await progressOf('lecture-4');
    expect(progress).toMatchObject({ doneAt: h.now.value.toISOString(), points: 1, name: '陈秀英' });
    expect(progress?.state.completedAt).toBe(h.now.value.getTime());

    // Watching on, and watching again, awards nothing more.
    tick(9);
    expect(await beat('lecture-4', 90)).toMatchObject({ coveredS: 90, completed: true, awarded: null });
    tick(5);
    expect(await beat('lecture-4', 0)).toMatchObject({ completed: true, awarded: null, maxSeekable: 90 });
    expect(await lectureEntries()).toHaveLength(1);
    await expectConsistentPoints();
  });

  it('get resumes at the last position, never beyond what was watched', async () => {
    await play('lecture-4', 0, 30);
    tick(3);
    await beat('lecture-4', 33, false);
    expect(await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-4' })).toMatchObject({
      position: 33,
      coveredS: 33,
      completed: false,
      progress: { position: 33, maxSeekable: 33 },
    });

    // Sought back to 12 and left there: resumes at 12, may still seek to 33.
    tick(2);
    await beat('lecture-4', 12, false);
    expect(await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-4' })).toMatchObject({
      position: 12,
      progress: { position: 12, maxSeekable: 33 },
    });

    // A jump ahead is recorded as the position but resumes at the furthest watched point.
    tick(2);
    expect(await beat('lecture-4', 70, false)).toMatchObject({ position: 33, maxSeekable: 33, credited: false });
    expect(await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-4' })).toMatchObject({ position: 33 });
  });

  it('a heartbeat without a session id is credited like any other', async () => {
    await h.call(MEMBER, 'lecture', 'heartbeat', { id: 'lecture-2', position: 0, playing: true });
    tick(10);
    expect(
      await h.call(MEMBER, 'lecture', 'heartbeat', { id: 'lecture-2', position: 10, playing: true }),
    ).toMatchObject({ coveredS: 10, credited: true });
    expect((await progressOf('lecture-2'))?.state.lastBeat?.session).toBe('player');
  });
});

describe.each(STORAGES)('the award under concurrent completion heartbeats (%s store)', (storage) => {
  beforeEach(async () => {
    h = await onStorage(h, storage);
  });

  it('50 identical completing beats at once: one ledger entry, totals equal to the ledger', async () => {
    await play('lecture-2', 0, 50);
    tick(10);
    const ledgerBefore = await h.store.count('ledger');
    const counts = countTransactionRuns(h.store);
    const results = (await Promise.all(
      Array.from({ length: 50 }, () =>
        h.raw(MEMBER, 'lecture', {
          action: 'heartbeat',
          data: { id: 'lecture-2', position: 60, playing: true, session: SESSION },
        }),
      ),
    )) as Array<ApiResult<LectureOutputs['heartbeat']>>;
    expect(counts.transactions).toBe(50);
    expect(counts.runs).toBeGreaterThan(counts.transactions);

    for (const result of results) expect(result).toMatchObject({ ok: true, data: { coveredS: 60, completed: true } });
    const awarded = results.map((r) => (r.ok ? r.data.awarded : 'error'));
    expect(awarded.filter((a) => a === 1)).toHaveLength(1);
    expect(awarded.filter((a) => a !== 1 && a !== null)).toEqual([]);

    expect(await h.store.count('ledger')).toBe(ledgerBefore + 1);
    expect(await lectureEntries()).toEqual([
      expect.objectContaining({ _id: `lecture:lecture-2:${MEMBER_ID}`, value: 1 }),
    ]);
    expect((await progressOf('lecture-2'))?.points).toBe(1);
    const totals = await h.store.get('pointTotals', memberTotalsId(MEMBER_ID, 2026));
    expect(totals?.ruleUse['lecture:2026-11']).toBe(1);
    await expectConsistentPoints();
  });

  it('completing beats from two sessions at once: still one entry', async () => {
    await play('lecture-2', 0, 50);
    tick(10);
    const results = (await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.raw(MEMBER, 'lecture', {
          action: 'heartbeat',
          data: { id: 'lecture-2', position: 60, playing: true, session: i % 2 ? SESSION : 'tab-two-0002' },
        }),
      ),
    )) as Array<ApiResult<LectureOutputs['heartbeat']>>;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.awarded === 1)).toHaveLength(1);
    expect(await lectureEntries()).toHaveLength(1);
    await expectConsistentPoints();
  });
});

describe('the monthly cap of 学习微党课', () => {
  it('8 points in a month: the 9th completion is recorded with 0 and the cap note; next month counts again', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 10; i++) ids.push(await createLecture({ title: `短课程第${i}讲` }));
    const before = await h.call(MEMBER, 'points', 'mine');

    const awards: Array<number | null> = [];
    for (const id of ids.slice(0, 9)) {
      tick(60);
      awards.push((await play(id, 0, 5, 5)).awarded);
    }
    expect(awards).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);

    const entries = await lectureEntries();
    expect(entries).toHaveLength(9);
    expect(entries.map((e) => e.value)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(entries.every((e) => e.monthKey === '2026-11')).toBe(true);
    expect(entries[8]).toMatchObject({
      _id: `lecture:${ids[8]}:${MEMBER_ID}`,
      value: 0,
      reason: '学习微党课「短课程第9讲」（已达本月上限 8 分，本次不计分）',
    });
    expect(entries[7].reason).toBe('学习微党课「短课程第8讲」');
    const ninth = await h.call(MEMBER, 'lecture', 'get', { id: ids[8] });
    expect(ninth).toMatchObject({ completed: true, progress: { points: 0 } });
    const after = await h.call(MEMBER, 'points', 'mine');
    expect(after.totals.month).toBe(before.totals.month + 8);

    // 1 December in China (16:00 UTC on 30 November): a new month, a fresh cap.
    h.now.value = new Date('2026-11-30T16:00:30.000Z');
    expect((await play(ids[9], 0, 5, 5)).awarded).toBe(1);
    const december = await h.store.get('ledger', `lecture:${ids[9]}:${MEMBER_ID}`);
    expect(december).toMatchObject({ value: 1, monthKey: '2026-12', quarterKey: '2026-Q4' });
    const totals = await h.store.get('pointTotals', memberTotalsId(MEMBER_ID, 2026));
    expect(totals?.ruleUse).toMatchObject({ 'lecture:2026-11': 8, 'lecture:2026-12': 1 });
    expect((await h.call(MEMBER, 'points', 'mine')).totals.month).toBe(1);
    await expectConsistentPoints();
  });
});

describe('lecture.submitQuiz', () => {
  const wrong = { q1: 'B', q2: 'A', q3: ['A'] };
  const right = { q1: 'A', q2: 'B', q3: ['B', 'A'] };

  it('refuses before the lecture is watched; marks wrong answers; a retry passes, explains and awards once', async () => {
    await expectError(h, MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: right }, 'CONFLICT');
    await play('lecture-1', 0, 20);
    await expectError(h, MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: right }, 'CONFLICT');

    // Watched to the end: complete coverage, but not done until the quiz is passed.
    tick(10);
    await beat('lecture-1', 30);
    tick(10);
    await beat('lecture-1', 40);
    tick(5);
    const watched = await beat('lecture-1', 45);
    expect(watched).toMatchObject({ coveredS: 45, completed: false, awarded: null, maxSeekable: 45 });
    expect(await lectureEntries()).toEqual([]);

    const failed = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: wrong });
    expect(failed).toEqual({
      passed: false,
      score: 0,
      correctCount: 0,
      total: 3,
      awarded: null,
      // Which questions were wrong; the right options and explanations only once passed.
      results: [
        { questionId: 'q1', correct: false, chosen: ['B'], correctOptions: null, explanation: null },
        { questionId: 'q2', correct: false, chosen: ['A'], correctOptions: null, explanation: null },
        { questionId: 'q3', correct: false, chosen: ['A'], correctOptions: null, explanation: null },
      ],
    });
    expect(await lectureEntries()).toEqual([]);
    expect(await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-1' })).toMatchObject({
      completed: false,
      progress: { quizPassed: false, points: null },
    });

    const passed = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: right });
    expect(passed).toMatchObject({ passed: true, score: 100, correctCount: 3, total: 3, awarded: 1 });
    expect(passed.results.every((r) => r.correct)).toBe(true);
    expect(passed.results.map((r) => r.explanation)).toEqual([
      expect.stringContaining('全心全意为人民服务'),
      expect.stringContaining('共产主义'),
      expect.stringContaining('先锋队'),
    ]);
    expect(await lectureEntries()).toEqual([
      expect.objectContaining({ _id: `lecture:lecture-1:${MEMBER_ID}`, value: 1, source: 'lecture' }),
    ]);

    // Passing again, or failing afterwards, changes nothing.
    const again = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: right });
    expect(again).toMatchObject({ passed: true, awarded: null });
    const worse = await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: wrong });
    expect(worse).toMatchObject({ passed: false, awarded: null });
    expect(await lectureEntries()).toHaveLength(1);
    expect((await progressOf('lecture-1'))?.quiz).toEqual({ passed: true, bestScore: 100, attempts: 4 });
    expect(await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-1' })).toMatchObject({
      completed: true,
      progress: { quizPassed: true, points: 1 },
    });
    await expectConsistentPoints();
  });

  it('passes at the pass mark (2 of 3 ≥ 60 %)', async () => {
    await play('lecture-1', 0, 45);
    const result = await h.call(MEMBER, 'lecture', 'submitQuiz', {
      id: 'lecture-1',
      answers: { q1: 'A', q2: 'B', q3: ['A', 'B', 'C'] },
    });
    expect(result).toMatchObject({ passed: true, score: 67, correctCount: 2, awarded: 1 });
    expect(result.results[2]).toMatchObject({ correct: false, chosen: ['A', 'B', 'C'], correctOptions: ['A', 'B'] });
  });

  it('a lecture without a quiz: CONFLICT', async () => {
    await play('lecture-2', 0, 60);
    await expectError(h, MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-2', answers: { q1: 'A' } }, 'CONFLICT');
    expect(await lectureEntries()).toHaveLength(1);
  });
});
