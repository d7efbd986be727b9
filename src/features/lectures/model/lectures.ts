/**
 * 微党课 on the member's side: the pure decisions behind the catalogue, the player and the quiz.
 * No Taro, no network, no clock: times are passed in, so every rule here is tested in isolation.
 *
 * The server (core/lectures/coverage.ts) credits the span between two heartbeats of one player
 * session only when the earlier beat was playing and the position advanced no faster than the
 * wall clock allows. The player therefore beats when playback starts or resumes, every
 * `HEARTBEAT_INTERVAL_MS` while playing, after every seek, on pause, at the end, and when the page
 * is hidden or closed; and it keeps the member from seeking past the furthest watched point
 * until the lecture is complete.
 */
import type { LectureKind, LectureListItem, PublicQuestion, QuizResultView } from '@contracts';
import type { TagTone } from '@/features/activities/model';

/** A heartbeat every 10 s while playing (the server credits beats up to 60 s apart). */
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** Share of the duration that completes a lecture (the server's rule). */
export const COMPLETE_RATIO = 0.9;
/** How far past the furthest watched point playback may be before it is sent back. */
export const SEEK_TOLERANCE_S = 2;
export const SEEK_BLOCKED_MESSAGE = '完成学习前不能快进';

export type LectureKindFilter = 'all' | LectureKind;

export const LECTURE_KIND_FILTERS: ReadonlyArray<{ value: LectureKindFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'micro_lecture', label: '微党课' },
  { value: 'film', label: '教育片' },
];

/** The list request's kind: none for 全部. */
export const kindParam = (filter: LectureKindFilter): LectureKind | undefined =>
  filter === 'all' ? undefined : filter;

// ——— Figures ———

/** Seconds as `mm:ss` (`h:mm:ss` from an hour on); whole seconds, rounded down. */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds + 1e-6) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Covered share of the duration, a whole percentage 0–100 (rounded down: 100 means all of it). */
export function progressPercent(coveredS: number, durationS: number): number {
  if (!(durationS > 0) || !(coveredS > 0)) return 0;
  return Math.min(100, Math.floor((coveredS / durationS) * 100 + 1e-9));
}

/** Whether enough has been watched for completion (90 %); a quiz may still be required. */
export function watchedEnough(coveredS: number, durationS: number): boolean {
  return durationS > 0 && coveredS + 1e-6 >= durationS * COMPLETE_RATIO;
}

/** Seconds credited, as shown and as a data attribute: whole seconds, rounded down. */
export const coveredWhole = (coveredS: number): number => Math.max(0, Math.floor(coveredS + 1e-6));

/** The points rule under the progress. */
export function ruleText(points: number, hasQuiz: boolean, pointsNote?: string): string {
  const done = hasQuiz ? '看完 90% 并通过测验即完成' : '看完 90% 即完成';
  if (pointsNote) return `${done}（${pointsNote}）`;
  return points > 0 ? `${done}，可得 ${points} 分（每月上限见积分规则）` : done;
}

/**
 * 已完成 and what it earned: the points, none (monthly cap reached, or why not: `pointsNote`, e.g.
 * the caller published the lecture) or not known.
 */
export function completionText(points: number | null, pointsNote?: string): string {
  if (points === null) return '已完成';
  if (points > 0) return `已完成，获得 ${points} 分`;
  return pointsNote ? `已完成（${pointsNote}）` : '已完成（本月学习积分已达上限）';
}

export interface LectureTag {
  label: string;
  tone: TagTone;
}

/** A card's tags: 已完成, or 待测验 (watched, quiz not passed), 学习中; and 测验 when it has one. */
export function lectureTags(item: Pick<LectureListItem, 'hasQuiz' | 'progress' | 'durationS'>): LectureTag[] {
  const tags: LectureTag[] = [];
  const { completed, coveredS } = item.progress;
  if (completed) tags.push({ label: '已完成', tone: 'success' });
  else if (item.hasQuiz && watchedEnough(coveredS, item.durationS)) tags.push({ label: '待测验', tone: 'warning' });
  else if (coveredS > 0) tags.push({ label: '学习中', tone: 'primary' });
  if (item.hasQuiz) tags.push({ label: '测验', tone: 'gold' });
  return tags;
}

/** 首页's summary of the catalogue: how many are complete, out of how many. */
export function studySummary(items: ReadonlyArray<Pick<LectureListItem, 'progress'>>, total = items.length) {
  return { completed: items.filter((i) => i.progress.completed).length, total };
}

// ——— The player session ———

const SESSION_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random player-session id, 16 url-safe characters (one per page view). */
export function newPlayerSession(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 16; i += 1) {
    id += SESSION_ALPHABET[Math.min(63, Math.floor(random() * 64))];
  }
  return id;
}

export interface Beat {
  position: number;
  playing: boolean;
}

/**
 * Whether to send `next` after `last`: always while playing (each playing beat anchors or extends
 * a credited span); a pause beat only when it differs from the previous pause beat (pause, ended,
 * hide and unload often report the same stop twice).
 */
export function shouldSendBeat(last: Beat | null, next: Beat): boolean {
  if (!last || next.playing || last.playing) return true;
  return Math.abs(last.position - next.position) >= 0.5;
}

/** Where playback stopped: the end of the lecture when within a second of it (pause before ended). */
export function stopPosition(position: number, durationS: number): number {
  if (!Number.isFinite(position) || position < 0) return 0;
  return position >= durationS - 1 ? durationS : position;
}

/**
 * The position a mini-program `seekcomplete` reports: seconds on iOS, milliseconds on Android.
 * A value far beyond the duration is taken as milliseconds.
 */
export function seekCompletePosition(raw: unknown, durationS: number): number | null {
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(n) || n < 0) return null;
  return n > durationS * 2 + 5 ? n / 1000 : n;
}

// ——— Seek guard ———

/** What the player knows about playback between two time updates. */
export interface PlaybackTrack {
  /** Last observed position, seconds. */
  time: number;
  /** When it was observed, ms. */
  at: number;
  /** Furthest point reached by playing on from an allowed position (this page view), seconds. */
  furthest: number;
}

export function startTrack(position: number, maxSeekable: number, at: number): PlaybackTrack {
  return { time: position, at, furthest: Math.max(0, maxSeekable) };
}

/** After play or pause: the clock starts again from here (a pause is not playback time). */
export const anchorTrack = (track: PlaybackTrack, at: number): PlaybackTrack => ({ ...track, at });

export type TimeVerdict =
  /** Playback moved on with the clock. */
  | { kind: 'play'; track: PlaybackTrack }
  /** The position jumped (a seek, forward into watched time or back): report it. */
  | { kind: 'seek'; track: PlaybackTrack }
  /** The position is beyond what may be watched yet: send the player back to `snapTo`. */
  | { kind: 'blocked'; track: PlaybackTrack; snapTo: number };

/**
 * Judges a time update. Playing on moves the furthest allowed point with it; a jump is a seek;
 * a position more than `SEEK_TOLERANCE_S` beyond the allowed point (the server's `maxSeekable`
 * or what this page view has played up to) is blocked until the lecture is complete.
 */
export function observeTime(
  track: PlaybackTrack,
  currentTime: number,
  at: number,
  opts: { playing: boolean; maxSeekable: number; unlocked: boolean },
): TimeVerdict {
  const allowedBefore = Math.max(track.furthest, opts.maxSeekable);
  const elapsedS = Math.max(0, (at - track.at) / 1000);
  const advance = currentTime - track.time;
  // Time updates come every ~250 ms; a little slack for rounding and a late first update. An
  // update that hardly moves (the resume point applied, a paused player) is not a seek either.
  const natural = Math.abs(advance) < 0.5 || (opts.playing && advance >= -0.75 && advance <= elapsedS * 1.5 + 1);
  const fromAllowed = track.time <= allowedBefore + SEEK_TOLERANCE_S;
  const furthest = natural && fromAllowed ? Math.max(allowedBefore, currentTime) : allowedBefore;

  if (!opts.unlocked && currentTime > furthest + SEEK_TOLERANCE_S) {
    return { kind: 'blocked', snapTo: furthest, track: { time: furthest, at, furthest } };
  }
  const next: PlaybackTrack = { time: currentTime, at, furthest };
  return natural ? { kind: 'play', track: next } : { kind: 'seek', track: next };
}

/** Whether seeking is free: the server allows the whole video once the lecture is complete. */
export function seekUnlocked(maxSeekable: number, coveredS: number, durationS: number): boolean {
  return maxSeekable >= durationS - 0.01 || watchedEnough(coveredS, durationS);
}

// ——— Quiz ———

export type QuizDraft = Record<string, string[]>;

/** Chooses an option: replaces the choice of a single-choice question, toggles a multiple-choice one. */
export function toggleAnswer(draft: QuizDraft, question: Pick<PublicQuestion, 'id' | 'kind'>, optionId: string) {
  const chosen = draft[question.id] ?? [];
  const next =
    question.kind === 'single'
      ? [optionId]
      : chosen.includes(optionId)
        ? chosen.filter((id) => id !== optionId)
        : [...chosen, optionId];
  return { ...draft, [question.id]: next };
}

/** Questions still without an answer, by number (1-based). */
export function unansweredNumbers(draft: QuizDraft, questions: readonly Pick<PublicQuestion, 'id'>[]): number[] {
  return questions.flatMap((q, i) => ((draft[q.id] ?? []).length ? [] : [i + 1]));
}

/** The submission: an option id for single choice, ids in the question's order for multiple. */
export function quizPayload(
  draft: QuizDraft,
  questions: readonly Pick<PublicQuestion, 'id' | 'kind' | 'options'>[],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of questions) {
    const chosen = draft[q.id] ?? [];
    if (!chosen.length) continue;
    out[q.id] = q.kind === 'single' ? chosen[0] : q.options.map((o) => o.id).filter((id) => chosen.includes(id));
  }
  return out;
}

export type OptionMark = 'correct' | 'wrong' | 'missed' | 'plain';

/** How an option looks after marking: chosen and right, chosen and wrong, right but not chosen, other. */
export function optionMark(result: QuizResultView['results'][number] | undefined, optionId: string): OptionMark {
  if (!result) return 'plain';
  const isChosen = result.chosen.includes(optionId);
  // Not passed yet: the right options are withheld; only a right answer is marked.
  if (!result.correctOptions) return result.correct && isChosen ? 'correct' : 'plain';
  const isCorrect = result.correctOptions.includes(optionId);
  if (isCorrect) return isChosen ? 'correct' : 'missed';
  return isChosen ? 'wrong' : 'plain';
}

/** The result headline. */
export function quizHeadline(result: Pick<QuizResultView, 'passed' | 'score' | 'correctCount' | 'total'>): string {
  return `${result.passed ? '测验通过' : '未通过'}：答对 ${result.correctCount}/${result.total} 题，得分 ${result.score}`;
}

/** An option's letter by its place: A, B, C … */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/** The letters of the given option ids, in the question's order: `A、B`. */
export function optionLetters(options: readonly { id: string }[], ids: readonly string[]): string {
  return options.flatMap((o, i) => (ids.includes(o.id) ? [optionLetter(i)] : [])).join('、');
}

/** `（单选）` / `（多选）` after a prompt, unless the prompt already says so. */
export function kindNote(prompt: string, kind: 'single' | 'multiple'): string {
  const label = kind === 'single' ? '单选' : '多选';
  return prompt.includes(label) ? '' : `（${label}）`;
}
