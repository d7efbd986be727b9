import type { MeOutput, OrgNode } from '@contracts';
import {
  canPublishLectures,
  clearQuizErrors,
  defaultPublishTarget,
  durationError,
  emptyLectureForm,
  emptyQuizDraft,
  fieldMessage,
  formatDurationText,
  formatFileSize,
  lectureFormField,
  lectureOptions,
  manageLine,
  newQuestion,
  nextQuestionKey,
  parseTags,
  percentText,
  progressText,
  publishTargets,
  quizErrorKey,
  quizText,
  studyPeriodTexts,
  studyStatus,
  tagsError,
  toggleCorrect,
  toLectureInput,
  toQuizInput,
  validateLectureForm,
  validateQuizDraft,
  wholeSeconds,
  withKind,
  type QuestionDraft,
  type QuizDraft,
} from './lecture-admin';

const question = (patch: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...newQuestion('k1'),
  prompt: '党的根本宗旨是什么？',
  options: ['全心全意为人民服务', '实现共产主义', '', ''],
  correct: ['A'],
  explanation: '党章总纲的规定。',
  ...patch,
});

const quiz = (...questions: QuestionDraft[]): QuizDraft => ({ passMark: '60', questions });

describe('times and figures', () => {
  it.each([
    [45, '45秒'],
    [185, '3分05秒'],
    [3720, '1小时02分'],
  ])('formatDurationText(%p) = %p', (s, text) => expect(formatDurationText(s)).toBe(text));

  it('writes file sizes in KB and MB', () => {
    expect(formatFileSize(300)).toBe('1 KB');
    expect(formatFileSize(356 * 1024)).toBe('356 KB');
    expect(formatFileSize(12.34 * 1024 * 1024)).toBe('12.3 MB');
  });

  it('shows a share as a percentage, or a dash when nobody is expected', () => {
    expect(percentText(3, 4)).toBe('75%');
    expect(percentText(1, 3)).toBe('33%');
    expect(percentText(0, 0)).toBe('—');
  });

  it('names the study status: 已完成 only when complete, 学习中 once started', () => {
    expect(studyStatus({ started: true, completed: true })).toBe('completed');
    expect(studyStatus({ started: true, completed: false })).toBe('studying');
    expect(studyStatus({ started: false, completed: false })).toBe('not_started');
  });

  it('shows a member’s progress as the share covered, never as a time', () => {
    expect(progressText({ progressPercent: 33 })).toBe('33%');
    expect(progressText({ progressPercent: 100 })).toBe('100%');
  });

  it('names the quiz column', () => {
    expect(quizText(null)).toBe('—');
    expect(quizText(true)).toBe('已通过');
    expect(quizText(false)).toBe('未通过');
    expect(quizText(false, false)).toBe('—');
  });

  it('writes the member-statistics periods in Chinese', () => {
    expect(studyPeriodTexts({ month: '2026-11', quarter: '2026-Q4', year: '2026' })).toEqual({
      month: '2026年11月',
      quarter: '2026年第四季度',
      year: '2026年',
    });
  });

  it('marks unpublished lectures in the picker and describes a managed one', () => {
    expect(
      lectureOptions([
        { id: 'a', title: '党章第一课', published: true },
        { id: 'b', title: '红色家书', published: false },
      ]),
    ).toEqual([
      { value: 'a', label: '党章第一课' },
      { value: 'b', label: '红色家书（已下架）' },
    ]);
    expect(manageLine({ kind: 'film', durationS: 95, hasQuiz: true, orgNames: ['示范党委'] })).toBe(
      '教育片 · 1分35秒 · 含测验 · 发布到 示范党委',
    );
  });
});

describe('publish targets', () => {
  const orgs: OrgNode[] = [
    { id: 'c', name: '示范党委', kind: 'committee', parentId: null },
    { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c' },
    { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c' },
    { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' },
  ];

  /** identity.me's grants: what the server's table gives each role (lecture.manage: admin, secretary). */
  const grant = (orgId: string, orgName: string, covers: string[], manage: boolean): Pick<MeOutput, 'permissions'> => ({
    permissions: [
      { orgId, orgName, covers, permissions: manage ? ['lecture.read', 'lecture.manage'] : ['lecture.read'] },
    ],
  });
  const SECRETARY = grant('b1', '第一党支部', ['b1', 'g1'], true);
  const ADMIN = grant('c', '示范党委', ['c', 'b1', 'b2', 'g1'], true);
  const OFFICER = grant('b1', '第一党支部', ['b1', 'g1'], false);

  it('offers a secretary their branch and its groups, defaulting to the branch', () => {
    const roles = [{ orgId: 'b1', orgName: '第一党支部', role: 'secretary' as const }];
    const targets = publishTargets(orgs, SECRETARY);
    expect(targets.map((t) => t.value)).toEqual(['b1', 'g1']);
    expect(targets[1].label).toBe('第一党支部 · 第一党小组');
    expect(defaultPublishTarget(targets, roles)).toBe('b1');
  });

  it('offers an admin the committee first, and nothing to an officer', () => {
    const admin = [{ orgId: 'c', orgName: '示范党委', role: 'admin' as const }];
    const targets = publishTargets(orgs, ADMIN);
    expect(targets.map((t) => t.value)).toEqual(['c', 'b1', 'g1', 'b2']);
    expect(targets[0].label).toBe('示范党委（全体支部）');
    expect(defaultPublishTarget(targets, admin)).toBe('c');
    expect(publishTargets(orgs, OFFICER)).toEqual([]);
    expect(canPublishLectures(ADMIN)).toBe(true);
    expect(canPublishLectures(OFFICER)).toBe(false);
  });
});

describe('tags and duration', () => {
  it('splits tags on commas of either width, 、 and spaces, without blanks or repeats', () => {
    expect(parseTags(' 党章, 宗旨，党史、党章  初心 ,,')).toEqual(['党章', '宗旨', '党史', '初心']);
    expect(parseTags('')).toEqual([]);
  });

  it('limits the number and length of tags like the server', () => {
    expect(tagsError('一,二,三,四,五,六,七,八')).toBeUndefined();
    expect(tagsError('一,二,三,四,五,六,七,八,九')).toBe('最多 8 个标签');
    expect(tagsError('这是一个特别特别长的标签')).toContain('太长');
  });

  it.each([
    ['', '请填写视频时长（秒）'],
    ['1.5', '时长请填写整数秒，如 90'],
    ['abc', '时长请填写整数秒，如 90'],
    ['4', '时长至少 5 秒'],
    ['14401', '时长最多 4 小时'],
    ['90', undefined],
  ])('durationError(%p)', (text, error) => expect(durationError(text)).toBe(error));

  it('rounds a video’s metadata duration and ignores unknown ones', () => {
    expect(wholeSeconds(44.97)).toBe(45);
    expect(wholeSeconds(Number.POSITIVE_INFINITY)).toBeNull();
    expect(wholeSeconds(Number.NaN)).toBeNull();
  });
});

describe('the quiz editor', () => {
  it('keeps one correct option for single choice and toggles for multiple choice', () => {
    expect(toggleCorrect({ kind: 'single', correct: ['A'] }, 'C')).toEqual(['C']);
    expect(toggleCorrect({ kind: 'multiple', correct: ['C'] }, 'A')).toEqual(['A', 'C']);
    expect(toggleCorrect({ kind: 'multiple', correct: ['A', 'C'] }, 'A')).toEqual(['C']);
    expect(withKind(question({ kind: 'multiple', correct: ['B', 'C'] }), 'single').correct).toEqual(['B']);
  });

  it('accepts a complete quiz and turns it into the contract’s input, leaving blank options out', () => {
    const draft = quiz(
      question(),
      question({
        kind: 'multiple',
        prompt: '下列哪些是党的优良作风？',
        options: ['理论联系实际', '', '密切联系群众', '批评与自我批评'],
        correct: ['A', 'C', 'D'],
      }),
    );
    expect(validateQuizDraft(draft)).toEqual({});
    const input = toQuizInput(draft);
    expect(input.passMark).toBe(60);
    expect(input.questions[0]).toEqual({
      id: 'q1',
      kind: 'single',
      prompt: '党的根本宗旨是什么？',
      options: [
        { id: 'A', text: '全心全意为人民服务' },
        { id: 'B', text: '实现共产主义' },
      ],
      correct: ['A'],
      explanation: '党章总纲的规定。',
    });
    expect(input.questions[1].id).toBe('q2');
    expect(input.questions[1].options.map((o) => o.id)).toEqual(['A', 'C', 'D']);
    expect(input.questions[1]).toMatchObject({ kind: 'multiple', correct: ['A', 'C', 'D'] });
  });

  it('finds what the server would refuse, on the question and part it concerns', () => {
    const errors = validateQuizDraft({
      passMark: '0',
      questions: [
        question({ prompt: '党', explanation: '' }),
        question({ options: ['只有一个', '', '', ''] }),
        question({ correct: [] }),
        question({ correct: ['C'] }),
        question({ kind: 'multiple', correct: ['A'] }),
      ],
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'passMark',
        'questions.0.prompt',
        'questions.0.explanation',
        'questions.1.options',
        'questions.2.correct',
        'questions.3.correct',
        'questions.4.correct',
      ].sort(),
    );
    expect(errors['questions.3.correct']).toBe('正确答案不能是空白选项');
    expect(errors['questions.4.correct']).toBe('多选题至少要有 2 个正确答案');
    expect(validateQuizDraft({ passMark: '60', questions: [] }).questions).toBeDefined();
  });

  it('gives new questions fresh keys and clears the errors of the part edited', () => {
    expect(nextQuestionKey(quiz(question({ key: 'k1' }), question({ key: 'k7' })))).toBe('k8');
    const errors = { passMark: 'x', 'questions.1.prompt': 'y', 'questions.10.correct': 'z', questions: 'w' };
    expect(clearQuizErrors(errors, 'questions.1')).toEqual({
      passMark: 'x',
      'questions.10.correct': 'z',
      questions: 'w',
    });
    expect(clearQuizErrors(errors, 'passMark')).not.toHaveProperty('passMark');
    expect(clearQuizErrors(errors, '')).toEqual({});
  });

  it('starts with one empty single-choice question and a 60% pass mark', () => {
    const draft = emptyQuizDraft();
    expect(draft.passMark).toBe('60');
    expect(draft.questions).toHaveLength(1);
    expect(draft.questions[0].options).toHaveLength(4);
  });

  it.each([
    ['quiz.questions.0.correct', 'questions.0.correct'],
    ['quiz.questions.2.options.1.text', 'questions.2.options'],
    ['quiz.questions.1.id', 'questions.1.prompt'],
    ['quiz.passMark', 'passMark'],
    ['quiz.questions', 'questions'],
    ['quiz', 'questions'],
  ])('places the server field %p at %p', (field, key) => expect(quizErrorKey(field)).toBe(key));

  it('strips the field prefix from a server message', () => {
    expect(fieldMessage('quiz.questions.0.prompt：题目至少 2 个字')).toBe('题目至少 2 个字');
    expect(fieldMessage('单选题只能有 1 个正确答案')).toBe('单选题只能有 1 个正确答案');
  });
});

describe('the publish form', () => {
  const filled = {
    ...emptyLectureForm('org-branch-1'),
    title: '党史故事：红船精神',
    speaker: '李红梅',
    durationS: '60',
    summary: '讲述南湖红船的故事。',
    tags: '党史，红船',
  };

  it('asks for every required field and the video', () => {
    const errors = validateLectureForm(emptyLectureForm(), false);
    expect(Object.keys(errors).sort()).toEqual(['durationS', 'orgId', 'speaker', 'summary', 'title', 'video']);
    expect(validateLectureForm(filled, true)).toEqual({});
  });

  it('builds an input the contract accepts, with the quiz only when switched on', () => {
    const plain = toLectureInput(filled, { video: 'local:abc' }, emptyQuizDraft());
    expect(plain).toMatchObject({ durationS: 60, tags: ['党史', '红船'], orgIds: ['org-branch-1'] });
    expect(plain).not.toHaveProperty('quiz');
    expect(plain).not.toHaveProperty('cover');
    expect(plain).toEqual({
      title: '党史故事：红船精神',
      speaker: '李红梅',
      kind: 'micro_lecture',
      durationS: 60,
      video: 'local:abc',
      summary: '讲述南湖红船的故事。',
      tags: ['党史', '红船'],
      orgIds: ['org-branch-1'],
    });

    const withQuiz = toLectureInput(
      { ...filled, withQuiz: true },
      { video: 'local:abc', cover: 'local:def' },
      quiz(question()),
    );
    expect(withQuiz.cover).toBe('local:def');
    expect(withQuiz.quiz?.questions).toHaveLength(1);
    expect(withQuiz.quiz).toEqual(toQuizInput(quiz(question())));
  });

  it.each([
    ['title', 'title'],
    ['orgIds.0', 'orgId'],
    ['orgIds', 'orgId'],
    ['tags.3', 'tags'],
    ['quiz.questions.0.correct', 'quiz'],
    ['video', 'video'],
    ['somethingElse', undefined],
    [undefined, undefined],
  ])('maps the server field %p to the form field %p', (field, formField) =>
    expect(lectureFormField(field)).toBe(formField),
  );
});
