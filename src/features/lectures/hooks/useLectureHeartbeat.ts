import Taro, { useDidHide, useUnload } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LectureDetail } from '@contracts';
import {
  anchorTrack,
  type Beat,
  HEARTBEAT_INTERVAL_MS,
  newPlayerSession,
  observeTime,
  SEEK_BLOCKED_MESSAGE,
  seekCompletePosition,
  seekUnlocked,
  shouldSendBeat,
  startTrack,
  stopPosition,
  watchedEnough,
} from '@/features/lectures/model/lectures';
import { positionNow, type PlayerPhase } from '@/features/lectures/model/player';
import { sendHeartbeat } from '@/features/lectures/services/lecture';
import { rememberProgress, trackBeat } from '@/features/lectures/services/progress-sync';
import { toastInfo } from '@/utils/feedback';

/** The member's progress on one lecture as the page shows it, kept current by the heartbeats. */
export interface LiveProgress {
  coveredS: number;
  /** Done: watched to 90 %, and the quiz passed when there is one. */
  completed: boolean;
  /** Watched to 90 % (the quiz, if any, is open). */
  watched: boolean;
  maxSeekable: number;
  /** Points this lecture earned (0: the monthly cap was reached), null before. */
  points: number | null;
  /** The last heartbeat failed (the progress shown may lag). */
  offline: boolean;
}

/** The Taro `<Video>` props the hook drives. */
export interface PlayerBindings {
  id: string;
  initialTime: number;
  onPlay: () => void;
  onPause: () => void;
  onEnded: () => void;
  onTimeUpdate: (e: { detail: { currentTime: number } }) => void;
  onSeekComplete: (e: { detail?: { position?: unknown } }) => void;
}

interface VideoControl {
  seek: (position: number) => unknown;
  pause: () => unknown;
  play: () => unknown;
}

/** The bar under the video drives the player through these. */
export interface PlayerCommands {
  /** Plays, from `at` when given (the resume hint, 从头播放). */
  play: (at?: number) => void;
  pause: () => void;
}

const TOAST_GAP_MS = 2500;
const PLAYING_ELSEWHERE_MESSAGE = '您正在其他页面或设备上学习课程，本页暂不计时；请先暂停那边的播放';

function initialProgress(lecture: LectureDetail): LiveProgress {
  const p = lecture.progress;
  return {
    coveredS: p.coveredS,
    completed: p.completed,
    watched: watchedEnough(p.coveredS, lecture.durationS),
    maxSeekable: p.maxSeekable,
    points: p.points,
    offline: false,
  };
}

/**
 * Reports playback of one lecture to the server and guards seeking.
 *
 * One random session per page view. A heartbeat goes out when playback starts or resumes, every
 * 10 s while playing, after a seek, on pause, at the end, and when the page is hidden or closed;
 * heartbeats are sent one after another, so the server sees them in order. Each answer updates
 * the progress. Seeking beyond the furthest watched point (the server's `maxSeekable`, or what this
 * page view has played up to) snaps back, with a toast, until the lecture is complete.
 * `onAwarded` is called when a heartbeat completes the lecture and posts its points.
 */
export function useLectureHeartbeat(lecture: LectureDetail, onAwarded?: (points: number) => void) {
  const { id, durationS } = lecture;
  // Also a CSS selector in H5 (Taro looks the player up with `taro-video-core[id=…]`).
  const videoId = `lecture-video-${id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [progress, setProgress] = useState<LiveProgress>(() => initialProgress(lecture));
  const [phase, setPhase] = useState<PlayerPhase>('idle');

  const session = useRef(newPlayerSession());
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const onAwardedRef = useRef(onAwarded);
  onAwardedRef.current = onAwarded;
  const track = useRef(startTrack(lecture.position, lecture.progress.maxSeekable, Date.now()));
  const playing = useRef(false);
  const lastSent = useRef<Beat | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const mounted = useRef(true);
  const video = useRef<VideoControl | null>(null);
  const lastToast = useRef(0);

  /** The player's control, looked up once while this page is the current one. */
  const control = useCallback((): VideoControl | null => {
    if (!video.current) {
      try {
        video.current = (Taro.createVideoContext(videoId) as unknown as VideoControl | undefined) ?? null;
      } catch {
        video.current = null;
      }
    }
    return video.current;
  }, [videoId]);

  const beat = useCallback(
    (next: Beat) => {
      if (!shouldSendBeat(lastSent.current, next)) return;
      lastSent.current = next;
      queue.current = trackBeat(
        queue.current.then(async () => {
          try {
            const answer = await sendHeartbeat(id, next.position, next.playing, session.current);
            rememberProgress(id, answer);
            if (!mounted.current) return;
            setProgress((prev) => ({
              coveredS: answer.coveredS,
              completed: answer.completed || prev.completed,
              watched: prev.watched || watchedEnough(answer.coveredS, durationS),
              maxSeekable: Math.max(prev.maxSeekable, answer.maxSeekable),
              points: answer.awarded ?? prev.points,
              offline: false,
            }));
            if (answer.awarded !== null) onAwardedRef.current?.(answer.awarded);
            // One lecture plays at a time per member: another page or device is still playing one.
            if (answer.playingElsewhere && Date.now() - lastToast.current > TOAST_GAP_MS) {
              lastToast.current = Date.now();
              toastInfo(PLAYING_ELSEWHERE_MESSAGE);
            }
          } catch {
            if (mounted.current) setProgress((prev) => ({ ...prev, offline: true }));
          }
        }),
      );
    },
    [id, durationS],
  );

  const stopTicking = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);

  const startTicking = useCallback(() => {
    stopTicking();
    timer.current = setInterval(() => {
      if (playing.current) beat({ position: positionNow(track.current, Date.now(), true, durationS), playing: true });
    }, HEARTBEAT_INTERVAL_MS);
  }, [beat, durationS, stopTicking]);

  /** Playback stopped (pause, hide, unload): a final beat at where it stopped. */
  const stopped = useCallback(
    (position = positionNow(track.current, Date.now(), playing.current, durationS)) => {
      playing.current = false;
      stopTicking();
      track.current = anchorTrack(track.current, Date.now());
      beat({ position: stopPosition(position, durationS), playing: false });
    },
    [beat, durationS, stopTicking],
  );

  const observe = useCallback(
    (currentTime: number) => {
      if (!Number.isFinite(currentTime)) return;
      const p = progressRef.current;
      const verdict = observeTime(track.current, currentTime, Date.now(), {
        playing: playing.current,
        maxSeekable: p.maxSeekable,
        unlocked: seekUnlocked(p.maxSeekable, p.coveredS, durationS),
      });
      track.current = verdict.track;
      if (verdict.kind === 'blocked') {
        void control()?.seek(verdict.snapTo);
        const now = Date.now();
        if (now - lastToast.current > TOAST_GAP_MS) {
          lastToast.current = now;
          toastInfo(SEEK_BLOCKED_MESSAGE);
        }
        beat({ position: verdict.snapTo, playing: playing.current });
      } else if (verdict.kind === 'seek') {
        beat({ position: currentTime, playing: playing.current });
      }
    },
    [beat, control, durationS],
  );

  const onPlay = useCallback(() => {
    control();
    setPhase('playing');
    playing.current = true;
    track.current = anchorTrack(track.current, Date.now());
    beat({ position: track.current.time, playing: true });
    startTicking();
  }, [beat, control, startTicking]);

  const onPause = useCallback(() => {
    setPhase((p) => (p === 'ended' ? p : 'paused'));
    if (playing.current) stopped();
  }, [stopped]);

  const onEnded = useCallback(() => {
    setPhase('ended');
    track.current = { ...track.current, time: durationS };
    stopped(durationS);
  }, [durationS, stopped]);

  const onTimeUpdate = useCallback(
    (e: { detail: { currentTime: number } }) => observe(Number(e.detail?.currentTime)),
    [observe],
  );

  const onSeekComplete = useCallback(
    (e: { detail?: { position?: unknown } }) => {
      const at = seekCompletePosition(e.detail?.position, durationS);
      if (at !== null) observe(at);
    },
    [durationS, observe],
  );

  // Leaving the page stops playback (H5 keeps a hidden page's video playing otherwise).
  useDidHide(() => {
    if (!playing.current) return;
    void control()?.pause();
    setPhase('paused');
    stopped();
  });
  useUnload(() => {
    if (playing.current) stopped();
  });
  useEffect(() => {
    mounted.current = true;
    return () => {
      if (playing.current) stopped();
      stopTicking();
      mounted.current = false;
    };
  }, [stopped, stopTicking]);

  /** A passed quiz completed the lecture (and may have posted its points). */
  const markCompleted = useCallback((points: number | null) => {
    setProgress((prev) => ({ ...prev, completed: true, points: points ?? prev.points }));
  }, []);

  const commands: PlayerCommands = {
    play: (at) => {
      const video = control();
      if (at !== undefined) void video?.seek(at);
      void video?.play();
    },
    pause: () => void control()?.pause(),
  };

  const player: PlayerBindings = {
    id: videoId,
    initialTime: lecture.position,
    onPlay,
    onPause,
    onEnded,
    onTimeUpdate,
    onSeekComplete,
  };
  return { progress, player, markCompleted, phase, commands };
}
