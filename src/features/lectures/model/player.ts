/**
 * The lecture player's own controls (the bar under the video) and the progress the app shows
 * between a heartbeat's answer and the next list request. Pure: clocks and states are passed in.
 *
 * The video's picture is left alone: a cover carries its own title and speaker, so nothing is
 * drawn over it. Before playback the bar offers one hint (从 00:12 继续, or 开始播放 with the
 * length); once playing, the player's own control bar shows the times and the bar shows none, so
 * there are never two time labels at once. When the quiz is open and not passed yet, the bar
 * points to it (去答题).
 */
import type { LectureListItem, LectureProgressView } from '@contracts';
import { formatClock, type PlaybackTrack } from './lectures';

/** Where the player is: not started in this page view, playing, paused mid-video, at the end. */
export type PlayerPhase = 'idle' | 'playing' | 'paused' | 'ended';

export type PlayerAction =
  /** Before playback, with a resume point: plays on from `at`. */
  | { kind: 'resume'; label: string; at: number }
  /** Before playback, from the start. */
  | { kind: 'start'; label: string }
  | { kind: 'pause'; label: string }
  /** Paused mid-video. */
  | { kind: 'play'; label: string }
  /** At the end: from the start again. */
  | { kind: 'replay'; label: string };

export interface PlayerBar {
  action: PlayerAction;
  /** A line beside the button (at most one time label in the whole bar, none once playing). */
  note: string | null;
  /** 从头播放 beside a resume hint. */
  restart: boolean;
  /** 去答题: the quiz below is open and not passed yet. */
  toQuiz: boolean;
}

export interface PlayerBarInput {
  phase: PlayerPhase;
  /** Where the server says playback resumes, seconds. */
  resumeAt: number;
  durationS: number;
  hasQuiz: boolean;
  /** Watched to 90 % (the quiz, if any, is open). */
  watched: boolean;
  completed: boolean;
}

/** A resume point worth offering: at least a second in, and not at the very end. */
export function resumePoint(position: number, durationS: number): number {
  if (!Number.isFinite(position) || position < 1 || position >= durationS - 1) return 0;
  return Math.floor(position + 1e-6);
}

/** What the bar under the video offers in each phase. */
export function playerBar(input: PlayerBarInput): PlayerBar {
  const { phase, durationS, hasQuiz, watched, completed } = input;
  const toQuiz = hasQuiz && watched && !completed;
  if (phase === 'idle') {
    const at = resumePoint(input.resumeAt, durationS);
    if (at > 0)
      return { action: { kind: 'resume', label: `从 ${formatClock(at)} 继续`, at }, note: null, restart: true, toQuiz };
    return {
      action: { kind: 'start', label: '开始播放' },
      note: `共 ${formatClock(durationS)}`,
      restart: false,
      toQuiz,
    };
  }
  if (phase === 'playing')
    return { action: { kind: 'pause', label: '暂停' }, note: '学习中，进度自动保存', restart: false, toQuiz };
  if (phase === 'paused')
    return { action: { kind: 'play', label: '继续播放' }, note: toQuiz ? null : '已暂停', restart: false, toQuiz };
  return {
    action: { kind: 'replay', label: '重新播放' },
    note: toQuiz ? '已看完，答题后完成学习' : completed ? '已完成学习' : '已播完',
    restart: false,
    toQuiz,
  };
}

/** Every `mm:ss` in a text (to check that the bar shows at most one time). */
export const timeLabels = (text: string | null): string[] => text?.match(/\d{1,2}:\d{2}/g) ?? [];

/**
 * The playback position now: the last observed one, moved on by the wall time since while playing.
 * Time updates come every ~250 ms (H5 throttles them), so a pause or a tick between two would
 * otherwise report a position up to a quarter of a second old; the move is capped at a second (a
 * stalled player is not assumed to have played on) and at the duration.
 */
export function positionNow(track: PlaybackTrack, now: number, playing: boolean, durationS: number): number {
  if (!playing) return track.time;
  const moved = Math.min(1, Math.max(0, (now - track.at) / 1000));
  return Math.min(durationS, track.time + moved);
}

// ——— The latest progress, ahead of the next list request ———

/** A heartbeat's answer for one lecture, with when it was received (the app's clock, ms). */
export interface LatestProgress {
  progress: Pick<LectureProgressView, 'coveredS' | 'completed' | 'position' | 'maxSeekable'>;
  receivedAt: number;
}

/**
 * The catalogue with the progress heartbeats reported after it was requested: each item's
 * progress updated; in 继续观看, lectures watched since move to the front (newest first) and those
 * completed since leave. `requestedAt` is when the list was asked for (the app's clock, ms).
 */
export function withLatestProgress(
  list: { items: LectureListItem[]; continueWatching: LectureListItem[] },
  latest: ReadonlyMap<string, LatestProgress>,
  requestedAt: number,
): { items: LectureListItem[]; continueWatching: LectureListItem[] } {
  const newer = new Map([...latest].filter(([, l]) => l.receivedAt > requestedAt));
  if (!newer.size) return list;
  const apply = (item: LectureListItem): LectureListItem => {
    const l = newer.get(item.id);
    return l ? { ...item, progress: { ...item.progress, ...l.progress } } : item;
  };
  const items = list.items.map(apply);
  const known = new Map([...list.continueWatching, ...list.items].map((i) => [i.id, i]));
  const moved = [...newer]
    .sort((a, b) => b[1].receivedAt - a[1].receivedAt)
    .flatMap(([id]) => {
      const item = known.get(id);
      return item ? [apply(item)] : [];
    });
  const movedIds = new Set(moved.map((i) => i.id));
  const continueWatching = [...moved, ...list.continueWatching.filter((i) => !movedIds.has(i.id))].filter(
    (i) => !i.progress.completed && (i.progress.position > 0 || i.progress.coveredS > 0),
  );
  return { items, continueWatching };
}
