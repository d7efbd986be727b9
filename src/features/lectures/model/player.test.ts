import type { LectureListItem, LectureProgressView } from '@contracts';
import {
  playerBar,
  positionNow,
  resumePoint,
  timeLabels,
  withLatestProgress,
  type LatestProgress,
  type PlayerBarInput,
  type PlayerPhase,
} from './player';

const bar = (p: Partial<PlayerBarInput> = {}) =>
  playerBar({ phase: 'idle', resumeAt: 0, durationS: 90, hasQuiz: false, watched: false, completed: false, ...p });

describe('the bar under the video', () => {
  it('offers one hint on reopening: 从 00:12 继续, with 从头播放 beside it', () => {
    const b = bar({ resumeAt: 12.8 });
    expect(b.action).toEqual({ kind: 'resume', label: '从 00:12 继续', at: 12 });
    expect(b.restart).toBe(true);
    expect(b.note).toBeNull();
  });

  it('starts from the beginning on a first visit, with the length, or when the last stop was at the end', () => {
    expect(bar().action).toEqual({ kind: 'start', label: '开始播放' });
    expect(bar().note).toBe('共 01:30');
    expect(bar({ resumeAt: 0.4 }).action.kind).toBe('start');
    expect(bar({ resumeAt: 89.5 }).action.kind).toBe('start');
    expect(bar({ resumeAt: Number.NaN }).action.kind).toBe('start');
  });

  it('has a play button whenever playback is paused mid-video, and a pause button while playing', () => {
    expect(bar({ phase: 'paused', resumeAt: 12 }).action).toEqual({ kind: 'play', label: '继续播放' });
    expect(bar({ phase: 'playing' }).action).toEqual({ kind: 'pause', label: '暂停' });
    expect(bar({ phase: 'ended' }).action).toEqual({ kind: 'replay', label: '重新播放' });
  });

  it('never shows two time labels, and none once playback started (the player shows the times then)', () => {
    const phases: PlayerPhase[] = ['idle', 'playing', 'paused', 'ended'];
    for (const phase of phases)
      for (const resumeAt of [0, 12, 3725])
        for (const watched of [false, true])
          for (const completed of [false, true]) {
            const b = bar({ phase, resumeAt, durationS: 4000, hasQuiz: true, watched, completed });
            const labels = [...timeLabels(b.action.label), ...timeLabels(b.note)];
            expect(labels.length).toBeLessThanOrEqual(1);
            if (phase !== 'idle') expect(labels).toEqual([]);
          }
  });

  it('points to the quiz once it is open and not passed, most of all at the end', () => {
    expect(bar({ phase: 'ended', hasQuiz: true, watched: true })).toMatchObject({
      toQuiz: true,
      note: '已看完，答题后完成学习',
    });
    expect(bar({ phase: 'playing', hasQuiz: true, watched: true }).toQuiz).toBe(true);
    expect(bar({ phase: 'ended', hasQuiz: true, watched: false }).toQuiz).toBe(false);
    expect(bar({ phase: 'ended', hasQuiz: true, watched: true, completed: true })).toMatchObject({
      toQuiz: false,
      note: '已完成学习',
    });
    expect(bar({ phase: 'ended', hasQuiz: false, watched: true }).toQuiz).toBe(false);
  });

  it('finds times in a text', () => {
    expect(timeLabels('从 00:12 继续')).toEqual(['00:12']);
    expect(timeLabels('共 1:02:05')).toHaveLength(1);
    expect(timeLabels(null)).toEqual([]);
  });

  it('resume points are whole seconds', () => {
    expect(resumePoint(12.99, 90)).toBe(12);
    expect(resumePoint(-3, 90)).toBe(0);
  });
});

describe('the position now', () => {
  const track = { time: 10.8, at: 1_000, furthest: 10.8 };
  it('moves the last observed position on by the time since, while playing', () => {
    expect(positionNow(track, 1_200, true, 90)).toBeCloseTo(11.0);
  });
  it('moves it at most a second, never past the end, and not at all when paused', () => {
    expect(positionNow(track, 9_000, true, 90)).toBeCloseTo(11.8);
    expect(positionNow(track, 1_500, true, 11)).toBe(11);
    expect(positionNow(track, 1_500, false, 90)).toBe(10.8);
    expect(positionNow(track, 500, true, 90)).toBe(10.8);
  });
});

describe('the latest progress over the catalogue', () => {
  const progress = (p: Partial<LectureProgressView> = {}): LectureProgressView => ({
    coveredS: 0,
    completed: false,
    position: 0,
    maxSeekable: 0,
    quizPassed: null,
    points: null,
    ...p,
  });
  const item = (id: string, p: Partial<LectureProgressView> = {}): LectureListItem => ({
    id,
    title: id,
    speaker: '讲师',
    kind: 'micro_lecture',
    kindLabel: '微党课',
    durationS: 60,
    coverUrl: null,
    tags: [],
    hasQuiz: false,
    progress: progress(p),
    watchedAt: null,
  });
  const latest = (entries: Array<[string, Partial<LatestProgress['progress']>, number]>) =>
    new Map(
      entries.map(([id, p, receivedAt]): [string, LatestProgress] => [
        id,
        { progress: { coveredS: 0, completed: false, position: 0, maxSeekable: 0, ...p }, receivedAt },
      ]),
    );

  it('shows the position of a heartbeat answered after the list was requested (00:09 becomes 00:12)', () => {
    const list = {
      items: [item('a', { position: 9, coveredS: 9 }), item('b')],
      continueWatching: [item('a', { position: 9, coveredS: 9 })],
    };
    const out = withLatestProgress(list, latest([['a', { position: 12, coveredS: 12, maxSeekable: 12 }, 200]]), 100);
    expect(out.items[0].progress).toMatchObject({ position: 12, coveredS: 12 });
    expect(out.continueWatching.map((i) => [i.id, i.progress.position])).toEqual([['a', 12]]);
  });

  it('keeps the list when its answer is newer than the heartbeat', () => {
    const list = { items: [item('a', { position: 20 })], continueWatching: [item('a', { position: 20 })] };
    expect(withLatestProgress(list, latest([['a', { position: 12 }, 50]]), 100)).toBe(list);
  });

  it('moves a lecture watched since to the front of 继续观看, and drops one completed since', () => {
    const list = {
      items: [item('a'), item('b', { position: 5 }), item('c', { position: 30 })],
      continueWatching: [item('c', { position: 30 }), item('b', { position: 5 })],
    };
    const out = withLatestProgress(
      list,
      latest([
        ['a', { position: 7, coveredS: 7 }, 300],
        ['b', { position: 8, coveredS: 8 }, 400],
        ['c', { position: 59, coveredS: 58, completed: true }, 350],
      ]),
      100,
    );
    expect(out.continueWatching.map((i) => i.id)).toEqual(['b', 'a']);
    expect(out.items.find((i) => i.id === 'c')?.progress.completed).toBe(true);
  });
});
