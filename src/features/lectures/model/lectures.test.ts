import type { LectureProgressView, QuizResultView } from '@contracts';
import {
  anchorTrack,
  completionText,
  coveredWhole,
  formatClock,
  kindNote,
  kindParam,
  lectureTags,
  newPlayerSession,
  observeTime,
  optionLetters,
  optionMark,
  progressPercent,
  quizHeadline,
  quizPayload,
  ruleText,
  seekCompletePosition,
  seekUnlocked,
  shouldSendBeat,
  startTrack,
  stopPosition,
  studySummary,
  toggleAnswer,
  unansweredNumbers,
  watchedEnough,
  type PlaybackTrack,
} from './lectures';

const progress = (p: Partial<LectureProgressView> = {}): LectureProgressView => ({
  coveredS: 0,
  completed: false,
  position: 0,
  maxSeekable: 0,
  quizPassed: null,
  points: null,
  ...p,
});

describe('figures', () => {
  it.each([
    [0, '00:00'],
    [5, '00:05'],
    [45, '00:45'],
    [59.99, '00:59'],
    [60, '01:00'],
    [75.4, '01:15'],
    [599, '09:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [-3, '00:00'],
    [Number.NaN, '00:00'],
  ])('formatClock(%p) = %p', (s, text) => expect(formatClock(s)).toBe(text));

  it.each([
    [0, 60, 0],
    [30, 60, 50],
    [54, 60, 90],
    [59.9, 60, 99],
    [60, 60, 100],
    [70, 60, 100],
    [10, 0, 0],
    [-1, 60, 0],
    [0.29 * 100, 100, 29],
  ])('progressPercent(%p, %p) = %p', (c, d, p) => expect(progressPercent(c, d)).toBe(p));

  it('completion at 90 % of the duration', () => {
    expect(watchedEnough(53.99, 60)).toBe(false);
    expect(watchedEnough(54, 60)).toBe(true);
    expect(watchedEnough(40.5, 45)).toBe(true);
    expect(watchedEnough(0, 0)).toBe(false);
  });

  it('covered seconds are whole', () => {
    expect(coveredWhole(54.99)).toBe(54);
    expect(coveredWhole(12)).toBe(12);
    expect(coveredWhole(-1)).toBe(0);
  });

  it('rule and completion texts', () => {
    expect(ruleText(1, false)).toBe('看完 90% 即完成，可得 1 分（每月上限见积分规则）');
    expect(ruleText(2, true)).toBe('看完 90% 并通过测验即完成，可得 2 分（每月上限见积分规则）');
    expect(ruleText(0, false)).toBe('看完 90% 即完成');
    expect(completionText(1)).toBe('已完成，获得 1 分');
    expect(completionText(0)).toBe('已完成（本月学习积分已达上限）');
    expect(completionText(null)).toBe('已完成');
  });

  it('kind filter', () => {
    expect(kindParam('all')).toBeUndefined();
    expect(kindParam('film')).toBe('film');
  });
});

describe('card tags and the home summary', () => {
  const item = (hasQuiz: boolean, p: Partial<LectureProgressView>) => ({
    hasQuiz,
    durationS: 60,
    progress: progress(p),
  });
  it.each([
    ['not started', item(false, {}), []],
    ['started', item(false, { coveredS: 10 }), ['学习中']],
    ['complete', item(false, { coveredS: 55, completed: true }), ['已完成']],
    ['quiz, not started', item(true, {}), ['测验']],
    ['quiz, watched, not passed', item(true, { coveredS: 55 }), ['待测验', '测验']],
    ['quiz passed', item(true, { coveredS: 55, completed: true, quizPassed: true }), ['已完成', '测验']],
  ])('%s', (_name, it_, labels) => expect(lectureTags(it_).map((t) => t.label)).toEqual(labels));

  it('counts completed lectures', () => {
    const items = [{ progress: progress({ completed: true }) }, { progress: progress() }];
    expect(studySummary(items)).toEqual({ completed: 1, total: 2 });
    expect(studySummary(items, 5)).toEqual({ completed: 1, total: 5 });
  });
});

describe('player session and heartbeats', () => {
  it('a session id is 16 url-safe characters', () => {
    const id = newPlayerSession();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(newPlayerSession(() => 0)).toBe('AAAAAAAAAAAAAAAA');
    expect(newPlayerSession(() => 0.999999)).toBe('________________');
    expect(newPlayerSession()).not.toBe(id);
  });

  it.each([
    ['first beat', null, { position: 0, playing: false }, true],
    ['playing beats always', { position: 10, playing: true }, { position: 10, playing: true }, true],
    ['pause after playing', { position: 10, playing: true }, { position: 12, playing: false }, true],
    ['resume after pause', { position: 12, playing: false }, { position: 12, playing: true }, true],
    [
      'the same stop twice (pause, then hide)',
      { position: 12, playing: false },
      { position: 12.2, playing: false },
      false,
    ],
    ['a stop elsewhere (seek while paused)', { position: 12, playing: false }, { position: 5, playing: false }, true],
  ])('%s', (_name, last, next, send) => expect(shouldSendBeat(last, next)).toBe(send));

  it('a stop within a second of the end is the end', () => {
    expect(stopPosition(59.4, 60)).toBe(60);
    expect(stopPosition(30, 60)).toBe(30);
    expect(stopPosition(-1, 60)).toBe(0);
    expect(stopPosition(Number.NaN, 60)).toBe(0);
  });

  it('seekcomplete positions in seconds or milliseconds', () => {
    expect(seekCompletePosition(30, 60)).toBe(30);
    expect(seekCompletePosition(30000, 60)).toBe(30);
    expect(seekCompletePosition('12.5', 60)).toBe(12.5);
    expect(seekCompletePosition(undefined, 60)).toBeNull();
    expect(seekCompletePosition(-1, 60)).toBeNull();
  });
});

describe('seek guard', () => {
  const T0 = 1_000_000;
  const locked = (maxSeekable: number, playing = true) => ({ playing, maxSeekable, unlocked: false });

  /** Plays from `from` for `seconds` in 250 ms time updates; returns the last verdict's track. */
  function play(track: PlaybackTrack, seconds: number, maxSeekable: number): PlaybackTrack {
    let t = track;
    for (let i = 0; i < seconds * 4; i += 1) {
      const v = observeTime(t, t.time + 0.25, t.at + 250, locked(maxSeekable));
      expect(v.kind).toBe('play');
      t = v.track;
    }
    return t;
  }

  it('normal playback moves the allowed point with it, past the server’s maxSeekable', () => {
    const track = play(startTrack(0, 0, T0), 25, 0);
    expect(track.time).toBeCloseTo(25);
    expect(track.furthest).toBeCloseTo(25);
  });

  it('seeking ahead of what was watched is blocked and sent back to the furthest point', () => {
    const track = play(startTrack(0, 0, T0), 10, 0);
    const v = observeTime(track, 40, track.at + 250, locked(8));
    expect(v.kind).toBe('blocked');
    if (v.kind !== 'blocked') return;
    expect(v.snapTo).toBeCloseTo(10);
    expect(v.track.time).toBeCloseTo(10);
    // Playing on from there is fine again.
    expect(observeTime(v.track, 10.25, v.track.at + 250, locked(8)).kind).toBe('play');
  });

  it('a small jump within the tolerance is allowed', () => {
    const track = startTrack(10, 10, T0);
    expect(observeTime(track, 11.5, T0 + 250, locked(10, false)).kind).toBe('seek');
  });

  it('seeking back is a seek, and ahead again up to the furthest point is allowed', () => {
    const track = play(startTrack(0, 0, T0), 20, 0);
    const back = observeTime(track, 5, track.at + 250, locked(10));
    expect(back.kind).toBe('seek');
    expect(back.track.furthest).toBeCloseTo(20);
    const ahead = observeTime(back.track, 19, back.track.at + 250, locked(10));
    expect(ahead.kind).toBe('seek');
    const tooFar = observeTime(ahead.track, 30, ahead.track.at + 250, locked(10));
    expect(tooFar.kind).toBe('blocked');
  });

  it('resumes at the server’s position and may seek up to its maxSeekable', () => {
    const track = startTrack(30, 30, T0);
    expect(observeTime(track, 30.1, T0 + 300, locked(30)).kind).toBe('play');
    expect(observeTime(track, 31, T0 + 300, locked(30, false)).kind).toBe('seek');
    expect(observeTime(track, 45, T0 + 300, locked(30, false)).kind).toBe('blocked');
  });

  it('an update that does not move while paused is not a seek (the resume point applied)', () => {
    const track = startTrack(29.3, 30, T0);
    expect(observeTime(track, 29.3, T0 + 100, locked(30, false)).kind).toBe('play');
    expect(observeTime(track, 29.6, T0 + 100, locked(30, false)).kind).toBe('play');
    expect(observeTime(track, 30.5, T0 + 100, locked(30, false)).kind).toBe('seek');
  });

  it('a seek while paused is a seek even after a long pause', () => {
    const track = anchorTrack(startTrack(10, 30, T0), T0);
    const v = observeTime(track, 25, T0 + 60_000, locked(30, false));
    expect(v.kind).toBe('seek');
  });

  it('a jump from a blocked position does not extend the allowed point', () => {
    // The player reports a forbidden position, then plays on from it: still blocked.
    const track: PlaybackTrack = { time: 40, at: T0, furthest: 10 };
    const v = observeTime(track, 40.25, T0 + 250, locked(10));
    expect(v.kind).toBe('blocked');
  });

  it('anything goes once the lecture is complete', () => {
    const track = startTrack(0, 60, T0);
    const v = observeTime(track, 50, T0 + 250, { playing: true, maxSeekable: 60, unlocked: true });
    expect(v.kind).toBe('seek');
    expect(seekUnlocked(60, 20, 60)).toBe(true);
    expect(seekUnlocked(30, 54, 60)).toBe(true);
    expect(seekUnlocked(30, 30, 60)).toBe(false);
  });

  it('anchoring after a pause keeps the paused time out of playback time', () => {
    const track = startTrack(10, 10, T0);
    const anchored = anchorTrack(track, T0 + 30_000);
    // 30 s paused, then 0.25 s of playback: natural; a 20 s jump right after resuming is not.
    expect(observeTime(anchored, 10.25, T0 + 30_250, locked(10)).kind).toBe('play');
    expect(observeTime(anchored, 30, T0 + 30_250, locked(40)).kind).toBe('seek');
  });
});

describe('quiz', () => {
  const single = { id: 'q1', kind: 'single' as const, options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
  const multiple = { id: 'q2', kind: 'multiple' as const, options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
  const questions = [single, multiple].map((q) => ({
    ...q,
    prompt: 'x',
    options: q.options.map((o) => ({ ...o, text: o.id })),
  }));

  it('single choice replaces, multiple choice toggles', () => {
    let d = toggleAnswer({}, single, 'a');
    d = toggleAnswer(d, single, 'b');
    expect(d.q1).toEqual(['b']);
    d = toggleAnswer(d, multiple, 'c');
    d = toggleAnswer(d, multiple, 'a');
    expect(d.q2).toEqual(['c', 'a']);
    d = toggleAnswer(d, multiple, 'c');
    expect(d.q2).toEqual(['a']);
  });

  it('lists unanswered questions and builds the payload in option order', () => {
    expect(unansweredNumbers({}, questions)).toEqual([1, 2]);
    expect(unansweredNumbers({ q1: ['a'], q2: [] }, questions)).toEqual([2]);
    expect(quizPayload({ q1: ['b'], q2: ['c', 'a'] }, questions)).toEqual({ q1: 'b', q2: ['a', 'c'] });
    expect(quizPayload({ q1: [] }, questions)).toEqual({});
  });

  it('marks options after submission', () => {
    const result: QuizResultView['results'][number] = {
      questionId: 'q2',
      correct: false,
      chosen: ['a', 'c'],
      correctOptions: ['a', 'b'],
      explanation: '…',
    };
    expect(optionMark(result, 'a')).toBe('correct');
    expect(optionMark(result, 'b')).toBe('missed');
    expect(optionMark(result, 'c')).toBe('wrong');
    expect(optionMark(undefined, 'a')).toBe('plain');
    expect(optionLetters([{ id: 'x' }, { id: 'y' }, { id: 'z' }], ['z', 'x'])).toBe('A、C');
    expect(optionLetters([{ id: 'x' }], [])).toBe('');
    expect(kindNote('哪两个先锋队？（多选）', 'multiple')).toBe('');
    expect(kindNote('根本宗旨是什么？', 'single')).toBe('（单选）');
    expect(quizHeadline({ passed: true, score: 67, correctCount: 2, total: 3 })).toBe('测验通过：答对 2/3 题，得分 67');
    expect(quizHeadline({ passed: false, score: 33, correctCount: 1, total: 3 })).toBe('未通过：答对 1/3 题，得分 33');
  });
});
