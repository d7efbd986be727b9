import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/** Publishing lectures: who may publish where, what a lecture needs, and unpublishing taking effect at once. */

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const tick = (s: number) => {
  h.now.value = new Date(h.now.value.getTime() + s * 1000);
};

const QUIZ = {
  passMark: 50,
  questions: [
    {
      id: 'q1',
      kind: 'single' as const,
      prompt: '党的根本宗旨是什么？',
      options: [
        { id: 'A', text: '全心全意为人民服务' },
        { id: 'B', text: '发展经济' },
      ],
      correct: ['A'],
      explanation: '党章总纲的规定。',
    },
  ],
};

const lectureInput = (openid: string, extra: Record<string, unknown> = {}) => ({
  title: '支部书记讲党课',
  speaker: '李红梅 书记',
  kind: 'micro_lecture' as const,
  durationS: 30,
  video: h.files.upload(openid, Buffer.from('video')),
  summary: '结合支部工作实际讲党课。',
  tags: ['党课', '支部'],
  orgIds: ['org-branch-1'],
  ...extra,
});

const create = async (openid = SECRETARY, extra: Record<string, unknown> = {}) =>
  (await h.call(openid, 'lecture', 'create', lectureInput(openid, extra) as never)).id;

const listed = async (openid = MEMBER) => (await h.call(openid, 'lecture', 'list')).items.map((i) => i.id);

const audits = (action: string) => h.store.query('audit', { where: { action }, limit: 100 });

describe('lecture.create', () => {
  it('a secretary publishes to their branch: stored, audited, listed for its members at once', async () => {
    const video = h.files.upload(SECRETARY, Buffer.from('video'));
    const cover = h.files.upload(SECRETARY, Buffer.from('jpeg'));
    const id = await create(SECRETARY, { video, cover, quiz: QUIZ });

    expect(await h.store.get('lectures', id)).toMatchObject({
      title: '支部书记讲党课',
      speaker: '李红梅 书记',
      kind: 'micro_lecture',
      durationS: 30,
      videoSrc: '/media/mem:1',
      coverSrc: '/media/mem:2',
      orgIds: ['org-branch-1'],
      committeeId: 'org-committee',
      published: true,
      createdBy: SECRETARY,
      quiz: QUIZ,
      createdAt: h.now.value.toISOString(),
    });
    expect(await audits('lecture.create')).toEqual([
      expect.objectContaining({
        actor: SECRETARY,
        target: `lectures/${id}`,
        committeeId: 'org-committee',
        after: { title: '支部书记讲党课', orgIds: ['org-branch-1'], quiz: true },
      }),
    ]);

    expect((await listed())[0]).toBe(id);
    const detail = await h.call(MEMBER, 'lecture', 'get', { id });
    expect(detail).toMatchObject({
      videoUrl: '/media/mem:1',
      coverUrl: '/media/mem:2',
      hasQuiz: true,
      tags: ['党课', '支部'],
    });
    expect(detail.quiz).toEqual({
      passMark: 50,
      questions: [{ id: 'q1', kind: 'single', prompt: '党的根本宗旨是什么？', options: QUIZ.questions[0].options }],
    });
    // Not for 第二党支部.
    expect(await listed(ADMIN)).not.toContain(id);
  });

  it('a secretary may not publish to another branch or the whole committee; nothing is written', async () => {
    const before = await snapshot(h.store, ['lectures', 'audit']);
    for (const orgIds of [['org-branch-2'], ['org-committee'], ['org-branch-1', 'org-branch-2']])
      await expectError(h, SECRETARY, 'lecture', 'create', lectureInput(SECRETARY, { orgIds }), 'FORBIDDEN');
    await expectError(h, OFFICER, 'lecture', 'create', lectureInput(OFFICER), 'FORBIDDEN');
    await expectError(h, MEMBER, 'lecture', 'create', lectureInput(MEMBER), 'FORBIDDEN');
    const unknown = await expectError(
      h,
      SECRETARY,
      'lecture',
      'create',
      lectureInput(SECRETARY, { orgIds: ['org-branch-1', 'org-nowhere'] }),
      'INVALID_INPUT',
    );
    expect(unknown.field).toBe('orgIds.1');
    expect(await snapshot(h.store, ['lectures', 'audit'])).toEqual(before);

    // The admin may publish anywhere in the committee.
    const id = await create(ADMIN, { orgIds: ['org-committee'] });
    expect(await listed()).toContain(id);
    expect(await listed(ADMIN)).toContain(id);
  });

  it.each([
    ['a correct answer that is not an option', { ...QUIZ.questions[0], correct: ['Z'] }, 'quiz.questions.0.correct'],
    [
      'two correct answers to a single-choice question',
      { ...QUIZ.questions[0], correct: ['A', 'B'] },
      'quiz.questions.0.correct',
    ],
    [
      'a multiple-choice question with one correct answer',
      { ...QUIZ.questions[0], kind: 'multiple', correct: ['A'] },
      'quiz.questions.0.correct',
    ],
    [
      'two options with the same id',
      {
        ...QUIZ.questions[0],
        options: [
          { id: 'A', text: '甲' },
          { id: 'A', text: '乙' },
        ],
      },
      'quiz.questions.0.options.1.id',
    ],
  ])('a quiz with %s: INVALID_INPUT naming the field', async (_name, question, field) => {
    const before = await snapshot(h.store, ['lectures', 'audit']);
    const quiz = { passMark: 60, questions: [question] };
    const error = await expectError(
      h,
      SECRETARY,
      'lecture',
      'create',
      lectureInput(SECRETARY, { quiz }),
      'INVALID_INPUT',
    );
    expect(error.field).toBe(field);
    expect(await snapshot(h.store, ['lectures', 'audit'])).toEqual(before);
  });

  it('a repeated question id names the second question', async () => {
    const quiz = { passMark: 60, questions: [QUIZ.questions[0], { ...QUIZ.questions[0], prompt: '再问一次宗旨？' }] };
    const error = await expectError(
      h,
      SECRETARY,
      'lecture',
      'create',
      lectureInput(SECRETARY, { quiz }),
      'INVALID_INPUT',
    );
    expect(error.field).toBe('quiz.questions.1.id');
  });

  it('a video or cover the caller did not upload: NOT_FOUND, nothing created', async () => {
    const before = await snapshot(h.store, ['lectures', 'audit']);
    const others = h.files.upload(ADMIN, Buffer.from('video'));
    await expectError(h, SECRETARY, 'lecture', 'create', lectureInput(SECRETARY, { video: others }), 'NOT_FOUND');
    await expectError(h, SECRETARY, 'lecture', 'create', lectureInput(SECRETARY, { video: 'mem:404' }), 'NOT_FOUND');
    await expectError(h, SECRETARY, 'lecture', 'create', lectureInput(SECRETARY, { cover: others }), 'NOT_FOUND');
    expect(await snapshot(h.store, ['lectures', 'audit'])).toEqual(before);
  });
});

describe('lecture.setPublished', () => {
  it('a secretary unpublishes their lecture: audited, gone from the list and from get at once, back when republished', async () => {
    const id = await create();
    // Warm the per-process copy of the lecture that get and heartbeat use.
    expect(await h.call(MEMBER, 'lecture', 'get', { id })).toMatchObject({ id });
    await h.call(MEMBER, 'lecture', 'heartbeat', { id, position: 0, playing: true });
    tick(10);
    await h.call(MEMBER, 'lecture', 'heartbeat', { id, position: 10, playing: true });

    expect(await h.call(SECRETARY, 'lecture', 'setPublished', { id, published: false })).toEqual({
      id,
      published: false,
    });
    expect(await audits('lecture.unpublish')).toEqual([
      expect.objectContaining({
        actor: SECRETARY,
        target: `lectures/${id}`,
        before: { published: true },
        after: { published: false },
      }),
    ]);
    expect(await listed()).not.toContain(id);
    await expectError(h, MEMBER, 'lecture', 'get', { id }, 'NOT_FOUND');
    tick(10);
    await expectError(h, MEMBER, 'lecture', 'heartbeat', { id, position: 20, playing: true }, 'NOT_FOUND');
    // Staff still see it, unpublished.
    const managed = await h.call(SECRETARY, 'lecture', 'manage', { orgId: 'org-branch-1' });
    expect(managed.items.find((i) => i.id === id)).toMatchObject({ published: false, canManage: true });

    await h.call(SECRETARY, 'lecture', 'setPublished', { id, published: true });
    expect(await audits('lecture.publish')).toHaveLength(1);
    expect(await listed()).toContain(id);
    // The progress was kept.
    expect(await h.call(MEMBER, 'lecture', 'get', { id })).toMatchObject({ coveredS: 10, position: 10 });
  });

  it('a committee-wide lecture: the secretary may not unpublish it, the admin may', async () => {
    expect(await h.call(MEMBER, 'lecture', 'get', { id: 'lecture-2' })).toMatchObject({ id: 'lecture-2' });
    await expectError(h, SECRETARY, 'lecture', 'setPublished', { id: 'lecture-2', published: false }, 'FORBIDDEN');
    await expectError(h, OFFICER, 'lecture', 'setPublished', { id: 'lecture-2', published: false }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'lecture', 'setPublished', { id: 'lecture-2', published: false }, 'NOT_FOUND');
    expect((await h.store.get('lectures', 'lecture-2'))?.published).toBe(true);
    expect(await audits('lecture.unpublish')).toEqual([]);
    expect(await listed()).toContain('lecture-2');

    await h.call(ADMIN, 'lecture', 'setPublished', { id: 'lecture-2', published: false });
    expect(await listed()).not.toContain('lecture-2');
    expect(await listed(ADMIN)).not.toContain('lecture-2');
    await expectError(h, MEMBER, 'lecture', 'get', { id: 'lecture-2' }, 'NOT_FOUND');
    expect(await audits('lecture.unpublish')).toEqual([expect.objectContaining({ actor: ADMIN })]);
  });

  it('a lecture of another branch is not found for the secretary; an unknown one neither', async () => {
    const id = await create(ADMIN, { orgIds: ['org-branch-2'] });
    await expectError(h, SECRETARY, 'lecture', 'setPublished', { id, published: false }, 'NOT_FOUND');
    await expectError(h, ADMIN, 'lecture', 'setPublished', { id: 'no-such-lecture', published: false }, 'NOT_FOUND');
    expect((await h.store.get('lectures', id))?.published).toBe(true);
  });
});

describe('lecture.manage', () => {
  it('lists what reaches the org, published or not, and whether the caller may change it', async () => {
    const own = await create(SECRETARY, { cover: h.files.upload(SECRETARY, Buffer.from('jpeg')) });
    tick(1);
    const group = await create(SECRETARY, { orgIds: ['org-group-2'], title: '第二党小组专题课' });
    tick(1);
    const other = await create(ADMIN, { orgIds: ['org-branch-2'], title: '第二支部专题课' });
    await h.call(SECRETARY, 'lecture', 'setPublished', { id: own, published: false });

    const secretary = await h.call(SECRETARY, 'lecture', 'manage', { orgId: 'org-branch-1' });
    expect(secretary.items.map((i) => i.id)).toEqual([
      group,
      own,
      'film-1',
      'lecture-4',
      'lecture-3',
      'lecture-2',
      'lecture-1',
    ]);
    expect(secretary.items[0]).toMatchObject({
      title: '第二党小组专题课',
      kind: 'micro_lecture',
      durationS: 30,
      published: true,
      orgNames: ['第二党小组'],
      hasQuiz: false,
      coverUrl: null,
      canManage: true,
    });
    expect(secretary.items[1]).toMatchObject({ published: false, orgNames: ['第一党支部'], canManage: true });
    // The card's thumbnail: the cover the member sees too.
    expect(secretary.items[1].coverUrl).toMatch(/^\/media\//);
    expect(secretary.items[1].coverUrl).toBe((await h.store.get('lectures', own))?.coverSrc);
    expect(secretary.items.find((i) => i.id === 'lecture-1')).toMatchObject({
      orgNames: ['示范党委'],
      hasQuiz: true,
      canManage: false,
    });

    const officer = await h.call(OFFICER, 'lecture', 'manage', { orgId: 'org-branch-1' });
    expect(officer.items.map((i) => i.id)).toEqual(secretary.items.map((i) => i.id));
    expect(officer.items.every((i) => !i.canManage)).toBe(true);

    const admin = await h.call(ADMIN, 'lecture', 'manage', { orgId: 'org-committee' });
    expect(admin.items.map((i) => i.id).slice(0, 3)).toEqual([other, group, own]);
    expect(admin.items.every((i) => i.canManage)).toBe(true);

    await expectError(h, MEMBER, 'lecture', 'manage', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'lecture', 'manage', { orgId: 'org-branch-2' }, 'FORBIDDEN');
  });
});
