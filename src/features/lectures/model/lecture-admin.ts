/**
 * The secretary's side of 微党课: study figures and statuses, the 发布课程 form, the quiz editor's
 * drafts and what they become in the `lecture.create` input. Pure: no Taro.
 */
import type { ActionInput, LectureKind, LectureManageItem, MeOutput, OrgNode } from '@contracts';
import { LECTURE_KIND_LABELS } from '@contracts/labels/lecture';
import { quarterName } from '@contracts/labels/points';
import { orgLabel } from '@/features/roster/model';
import { mayAnywhere, orgsWhere } from '@/features/identity/model';

export { LECTURE_KIND_LABELS };

// ---------------------------------------------------------------------------------------------
// Times and figures

/** A lecture's length in words: `45秒`, `3分05秒`, `1小时02分`. */
export function formatDurationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
  return `${Math.floor(s / 3600)}小时${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}分`;
}

/** `356 KB`, `12.3 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** part / whole as 0–1, or null when the whole is empty. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** `75%`, or `—` when nobody is expected. */
export const percentText = (part: number, whole: number): string => {
  const share = shareOf(part, whole);
  return share === null ? '—' : `${Math.round(share * 100)}%`;
};

export type StudyStatus = 'completed' | 'studying' | 'not_started';

export const STUDY_STATUS_LABELS: Record<StudyStatus, string> = {
  completed: '已完成',
  studying: '学习中',
  not_started: '未开始',
};

/** The tag tone of each status (see components/StatusTag). */
export const STUDY_STATUS_TONES: Record<StudyStatus, 'success' | 'gold' | 'muted'> = {
  completed: 'success',
  studying: 'gold',
  not_started: 'muted',
};

/** 已完成 (watched and, with a quiz, passed), 学习中 (started), or 未开始. */
export function studyStatus(item: { started: boolean; completed: boolean }): StudyStatus {
  if (item.completed) return 'completed';
  return item.started ? 'studying' : 'not_started';
}

/** A member's progress in the statistics: the share covered (`33%`), never the time watched. */
export const progressText = (item: { progressPercent: number }): string => `${item.progressPercent}%`;

/** The 测验 column: `—` without a quiz or before the member started; `未通过` until passed. */
export function quizText(quizPassed: boolean | null, started = true): string {
  if (quizPassed === null) return '—';
  if (quizPassed) return '已通过';
  return started ? '未通过' : '—';
}

/** `2026-11`, `2026-Q4`, `2026` → `2026年11月`, `2026年第四季度`, `2026年`. */
export function studyPeriodTexts(period: { month: string; quarter: string; year: string }) {
  const [my, mm] = period.month.split('-');
  const [qy, q] = period.quarter.split('-Q');
  return {
    month: my && mm ? `${my}年${Number(mm)}月` : period.month,
    quarter: qy && q ? `${qy}年${quarterName(q)}` : period.quarter,
    year: `${period.year}年`,
  };
}

/** The lecture picker's options: newest first, unpublished ones marked. */
export function lectureOptions(items: ReadonlyArray<Pick<LectureManageItem, 'id' | 'title' | 'published'>>) {
  return items.map((l) => ({ value: l.id, label: l.published ? l.title : `${l.title}（已下架）` }));
}

/** `微党课 · 3分05秒 · 含测验 · 发布到 示范党委`. */
export function manageLine(item: Pick<LectureManageItem, 'kind' | 'durationS' | 'hasQuiz' | 'orgNames'>): string {
  return [
    LECTURE_KIND_LABELS[item.kind],
    formatDurationText(item.durationS),
    item.hasQuiz ? '含测验' : '',
    item.orgNames.length ? `发布到 ${item.orgNames.join('、')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Where a lecture can be published

type Roles = MeOutput['roles'];

export interface PublishTarget {
  value: string;
  label: string;
  /** A committee: its lectures reach every branch below it. */
  committee: boolean;
}

/**
 * Where the caller may publish: every org their `lecture.manage` permission covers (identity.me),
 * the committee first (an admin's), then each branch followed by its groups.
 */
export function publishTargets(orgs: OrgNode[], me: Pick<MeOutput, 'permissions'>): PublishTarget[] {
  const allowed = orgsWhere(me, 'lecture.manage');
  // The committee first, then each branch followed by its groups.
  const branchOrder = new Map(orgs.filter((o) => o.kind === 'branch').map((o, i) => [o.id, i]));
  const rank = (o: OrgNode) =>
    o.kind === 'committee' ? -1 : (branchOrder.get(o.kind === 'branch' ? o.id : (o.parentId ?? '')) ?? 999);
  const depth = (o: OrgNode) => (o.kind === 'group' ? 1 : 0);
  return orgs
    .filter((o) => allowed.has(o.id))
    .sort((a, b) => rank(a) - rank(b) || depth(a) - depth(b))
    .map((o) => ({
      value: o.id,
      label: o.kind === 'committee' ? `${o.name}（全体支部）` : orgLabel(orgs, o.id),
      committee: o.kind === 'committee',
    }));
}

/** Whether the caller may publish lectures at all (`lecture.manage` somewhere). */
export const canPublishLectures = (me: Pick<MeOutput, 'permissions'> | null | undefined): boolean =>
  mayAnywhere(me, 'lecture.manage');

/** The secretary's own branch by default; otherwise (an admin) the first target, the committee. */
export function defaultPublishTarget(targets: ReadonlyArray<{ value: string }>, roles: Roles): string {
  const own = roles.find((r) => r.role === 'secretary' && targets.some((t) => t.value === r.orgId));
  return own?.orgId ?? targets[0]?.value ?? '';
}

// ---------------------------------------------------------------------------------------------
// Tags and duration

export const MAX_TAGS = 8;
export const MAX_TAG_LENGTH = 10;

/** `党章, 宗旨，党史、党章` → `['党章', '宗旨', '党史']`: commas (either width), 、 or spaces separate. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,，、;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

export function tagsError(text: string): string | undefined {
  const tags = parseTags(text);
  if (tags.length > MAX_TAGS) return `最多 ${MAX_TAGS} 个标签`;
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  return long ? `标签「${long}」太长，每个最多 ${MAX_TAG_LENGTH} 个字` : undefined;
}

export const MIN_DURATION_S = 5;
export const MAX_DURATION_S = 4 * 3600;

/** Whole seconds typed (or read from the video), or null. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export function durationError(text: string): string | undefined {
  if (!text.trim()) return '请填写视频时长（秒）';
  const s = parseDuration(text);
  if (s === null) return '时长请填写整数秒，如 90';
  if (s < MIN_DURATION_S) return `时长至少 ${MIN_DURATION_S} 秒`;
  if (s > MAX_DURATION_S) return '时长最多 4 小时';
  return undefined;
}

/** A video's metadata duration (fractional seconds) as the whole seconds the form takes. */
export const wholeSeconds = (duration: number): number | null =>
  Number.isFinite(duration) && duration > 0 ? Math.round(duration) : null;

// ---------------------------------------------------------------------------------------------
// The quiz editor

export const OPTION_IDS = ['A', 'B', 'C', 'D'] as const;
export type QuestionKind = 'single' | 'multiple';

export interface QuestionDraft {
  /** Stable React key (not sent). */
  key: string;
  kind: QuestionKind;
  prompt: string;
  /** The texts of options A–D; blank ones are left out (at least two are needed). */
  options: string[];
  /** Ids (A–D) of the correct options. */
  correct: string[];
  explanation: string;
}

export interface QuizDraft {
  /** 及格线, percent of questions answered correctly, as typed. */
  passMark: string;
  questions: QuestionDraft[];
}

/**
 * Where a quiz problem is shown: `passMark`, `questions` (the quiz as a whole), or one question's
 * `questions.<i>.prompt|options|correct|explanation|kind`.
 */
export type QuizErrors = Record<string, string>;

export const newQuestion = (key: string, kind: QuestionKind = 'single'): QuestionDraft => ({
  key,
  kind,
  prompt: '',
  options: OPTION_IDS.map(() => ''),
  correct: [],
  explanation: '',
});

/** A key no question of the draft has yet: `k<n+1>`. */
export function nextQuestionKey(d: QuizDraft): string {
  const max = Math.max(0, ...d.questions.map((q) => Number(q.key.replace(/^k/, '')) || 0));
  return `k${max + 1}`;
}

/** Drops the errors of `prefix` (`questions.2`, `passMark`) after that part was edited; `''` drops all. */
export function clearQuizErrors(errors: QuizErrors, prefix: string): QuizErrors {
  if (!prefix) return {};
  const kept = Object.entries(errors).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

export const emptyQuizDraft = (): QuizDraft => ({ passMark: '60', questions: [newQuestion('k1')] });

/** Marks or unmarks an option as correct: a single-choice question has exactly one. */
export function toggleCorrect(q: Pick<QuestionDraft, 'kind' | 'correct'>, optionId: string): string[] {
  if (q.kind === 'single') return [optionId];
  const next = q.correct.includes(optionId) ? q.correct.filter((id) => id !== optionId) : [...q.correct, optionId];
  return OPTION_IDS.filter((id) => next.includes(id));
}

/** Switching to 单选 keeps only the first correct option. */
export function withKind(q: QuestionDraft, kind: QuestionKind): QuestionDraft {
  return { ...q, kind, correct: kind === 'single' ? q.correct.slice(0, 1) : q.correct };
}

const filledOptions = (q: QuestionDraft) =>
  OPTION_IDS.map((id, i) => ({ id, text: (q.options[i] ?? '').trim() })).filter((o) => o.text);

/** The editor's local checks (the server repeats them; its `field` lands on the same keys). */
export function validateQuizDraft(d: QuizDraft): QuizErrors {
  const errors: QuizErrors = {};
  const mark = d.passMark.trim();
  if (!/^\d{1,3}$/.test(mark) || Number(mark) < 1 || Number(mark) > 100)
    errors.passMark = '及格线请填写 1–100 之间的整数';
  if (!d.questions.length) errors.questions = '至少 1 道题，或关闭测验';
  if (d.questions.length > 50) errors.questions = '最多 50 道题';
  d.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    const prompt = q.prompt.trim();
    if (prompt.length < 2) errors[`${at}.prompt`] = '请填写题目（至少 2 个字）';
    else if (prompt.length > 300) errors[`${at}.prompt`] = '题目最多 300 个字';
    const options = filledOptions(q);
    if (options.length < 2) errors[`${at}.options`] = '至少填写 2 个选项';
    else if (options.some((o) => o.text.length > 200)) errors[`${at}.options`] = '每个选项最多 200 个字';
    const filled = new Set<string>(options.map((o) => o.id));
    if (!q.correct.length) errors[`${at}.correct`] = '请标出正确答案';
    else if (q.correct.some((id) => !filled.has(id))) errors[`${at}.correct`] = '正确答案不能是空白选项';
    else if (q.kind === 'single' && q.correct.length !== 1) errors[`${at}.correct`] = '单选题只能有 1 个正确答案';
    else if (q.kind === 'multiple' && q.correct.length < 2) errors[`${at}.correct`] = '多选题至少要有 2 个正确答案';
    const explanation = q.explanation.trim();
    if (explanation.length < 2) errors[`${at}.explanation`] = '请填写答案解析（至少 2 个字），提交后给党员看';
    else if (explanation.length > 500) errors[`${at}.explanation`] = '解析最多 500 个字';
  });
  return errors;
}

export type QuizInput = NonNullable<ActionInput<'lecture', 'create'>['quiz']>;

/** The contract's quiz: questions `q1…` in order, the filled options only. */
export function toQuizInput(d: QuizDraft): QuizInput {
  return {
    passMark: Number(d.passMark.trim()),
    questions: d.questions.map((q, i) => {
      const options = filledOptions(q);
      return {
        id: `q${i + 1}`,
        kind: q.kind,
        prompt: q.prompt.trim(),
        options,
        correct: q.correct.filter((id) => options.some((o) => o.id === id)),
        explanation: q.explanation.trim(),
      };
    }),
  };
}

const QUESTION_PARTS = ['prompt', 'options', 'correct', 'explanation', 'kind'];

/**
 * The editor key of a server field under `quiz`: `quiz.questions.0.correct` → `questions.0.correct`,
 * `quiz.questions.1.options.2.text` → `questions.1.options`, `quiz.passMark` → `passMark`;
 * anything else about the quiz → `questions`.
 */
export function quizErrorKey(field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'quiz') parts.shift();
  if (parts[0] === 'passMark') return 'passMark';
  if (parts[0] === 'questions' && /^\d+$/.test(parts[1] ?? '')) {
    const part = QUESTION_PARTS.includes(parts[2] ?? '') ? parts[2] : 'prompt';
    return `questions.${parts[1]}.${part === 'id' ? 'prompt' : part}`;
  }
  return 'questions';
}

/** A server message without its field prefix (`quiz.questions.0.prompt：题目至少 2 个字` → `题目至少 2 个字`). */
export const fieldMessage = (message: string): string => message.replace(/^[\w.]+：/, '');

// ---------------------------------------------------------------------------------------------
// The 发布课程 form

export interface LectureFormValues {
  title: string;
  speaker: string;
  kind: LectureKind;
  /** Whole seconds, as typed or read from the video. */
  durationS: string;
  summary: string;
  /** Comma-separated. */
  tags: string;
  /** Where it is published. */
  orgId: string;
  withQuiz: boolean;
}

export const LECTURE_FORM_FIELDS = [
  'title',
  'speaker',
  'kind',
  'durationS',
  'video',
  'cover',
  'summary',
  'tags',
  'orgId',
  'quiz',
] as const;
export type LectureFormField = (typeof LECTURE_FORM_FIELDS)[number];
export type LectureFormErrors = Partial<Record<LectureFormField, string>>;

export const LECTURE_KIND_OPTIONS: ReadonlyArray<{ value: LectureKind; label: string }> = (
  Object.keys(LECTURE_KIND_LABELS) as LectureKind[]
).map((value) => ({ value, label: LECTURE_KIND_LABELS[value] }));

export const emptyLectureForm = (orgId = ''): LectureFormValues => ({
  title: '',
  speaker: '',
  kind: 'micro_lecture',
  durationS: '',
  summary: '',
  tags: '',
  orgId,
  withQuiz: false,
});

const lengthError = (raw: string, min: number, max: number, what: string, missing: string) => {
  const t = raw.trim();
  if (!t) return missing;
  if (t.length < min) return `${what}至少 ${min} 个字`;
  if (t.length > max) return `${what}最多 ${max} 个字`;
  return undefined;
};

/** The form's checks, mirroring `lectureSchemas.create`; `hasVideo`: a video file was chosen. */
export function validateLectureForm(v: LectureFormValues, hasVideo: boolean): LectureFormErrors {
  const errors: LectureFormErrors = {
    title: lengthError(v.title, 2, 60, '标题', '请填写课程标题'),
    speaker: lengthError(v.speaker, 2, 40, '主讲人', '请填写主讲人'),
    durationS: durationError(v.durationS),
    summary: lengthError(v.summary, 2, 500, '简介', '请填写课程简介'),
    tags: tagsError(v.tags),
    video: hasVideo ? undefined : '请选择视频文件（MP4）',
    orgId: v.orgId ? undefined : '请选择发布范围',
  };
  const found: LectureFormErrors = {};
  for (const [key, message] of Object.entries(errors) as Array<[LectureFormField, string | undefined]>)
    if (message) found[key] = message;
  return found;
}

/** The form field a server `field` names: `orgIds.0` → `orgId`, `tags.2` → `tags`, `quiz.…` → `quiz`. */
export function lectureFormField(field: string | undefined): LectureFormField | undefined {
  if (!field) return undefined;
  const head = field.split('.')[0];
  if (head === 'orgIds') return 'orgId';
  return (LECTURE_FORM_FIELDS as readonly string[]).includes(head) ? (head as LectureFormField) : undefined;
}

/** The `lecture.create` input for a validated form and the uploaded files. */
export function toLectureInput(
  v: LectureFormValues,
  files: { video: string; cover?: string | null },
  quiz?: QuizDraft,
): ActionInput<'lecture', 'create'> {
  return {
    title: v.title.trim(),
    speaker: v.speaker.trim(),
    kind: v.kind,
    durationS: parseDuration(v.durationS) ?? 0,
    video: files.video,
    ...(files.cover ? { cover: files.cover } : {}),
    summary: v.summary.trim(),
    tags: parseTags(v.tags),
    orgIds: [v.orgId],
    ...(v.withQuiz && quiz ? { quiz: toQuizInput(quiz) } : {}),
  };
}
