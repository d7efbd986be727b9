import { isDone } from '../progress';
import { lecturesOfCommittee, recentProgressOfMember } from '../queries';
import { lectureSchemas, type LectureOutputs } from '../../../contracts/lecture';
import {
  applyHeartbeat,
  DEFAULT_POLICY,
  emptyProgress,
  isComplete,
  maxSeekable,
  resumePosition,
  type LastBeat,
} from '../coverage';
import { lectureEntryId, progressId, publishedBy, type LectureDoc, type ProgressDoc } from '../documents';
import { markQuiz, markView, publicQuiz } from '../quiz';
import type { MemberDoc } from '../../roster';
import { postEntry } from '../../points';
import { ruleFor } from '../../points';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict } from '../../runtime/errors';
import { requireOpenid } from '../../shared/caller';
import { reaches, requireMember, toListItem, watchableLecture } from './support';
import { byIds, countedPage } from '../../shared/paging';
import { committeeRules } from '../../shared/snapshots';
import type { Tx } from '../../shared/collections';

/** Heartbeats without a session id share this one (the clock checks still stop double crediting). */
const DEFAULT_SESSION = 'player';

const OWN_LECTURE_NOTE = '本人发布的课程，学习不计分';

/** Whether a lecture's last accepted beat shows a player still playing it. */
const isLive = (last: LastBeat | null, now: number): boolean =>
  Boolean(last?.playing && now - last.at < DEFAULT_POLICY.liveWindowMs);

export const list = action(lectureSchemas.list, async (ctx, input): Promise<LectureOutputs['list']> => {
  const { page = 1, pageSize = 20, kind, query } = input ?? {};
  const member = await requireMember(ctx);
  const all = await lecturesOfCommittee(ctx.store, member.committeeId, true);
  const needle = query?.toLowerCase();
  const shown = all.filter(
    (lecture) =>
      reaches(lecture, member) &&
      (!kind || lecture.kind === kind) &&
      (!needle ||
        [lecture.title, lecture.speaker, ...lecture.tags].some((text) => text.toLowerCase().includes(needle))),
  );
  const pageItems = shown.slice((page - 1) * pageSize, page * pageSize);
  const [progress, recent] = await Promise.all([
    byIds(
      ctx.store,
      'lectureProgress',
      pageItems.map((l) => progressId(l._id, member._id)),
    ),
    recentProgressOfMember(ctx.store, member._id, 20),
  ]);
  const byId = new Map(all.map((l) => [l._id, l]));
  const continueWatching = recent
    .map((p) => ({ lecture: byId.get(p.lectureId), progress: p }))
    .filter(
      (x): x is { lecture: LectureDoc; progress: ProgressDoc } =>
        Boolean(x.lecture && reaches(x.lecture, member)) && !isDone(x.lecture as LectureDoc, x.progress),
    )
    .slice(0, 5)
    .map((x) => toListItem(x.lecture, x.progress));
  return {
    ...countedPage(
      pageItems.map((l) => toListItem(l, progress.get(progressId(l._id, member._id)) ?? null)),
      { page, pageSize },
      shown.length,
    ),
    continueWatching,
  };
});

export const get = action(lectureSchemas.get, async (ctx, input): Promise<LectureOutputs['get']> => {
  const member = await requireMember(ctx);
  const lecture = await watchableLecture(ctx, input.id, member);
  const progress = await ctx.store.get('lectureProgress', progressId(lecture._id, member._id));
  const rules = await committeeRules(ctx, member.committeeId);
  const rule = ruleFor(rules, 'lecture', member);
  const item = toListItem(lecture, progress);
  const own = publishedBy(lecture, member, requireOpenid(ctx));
  return {
    ...item,
    videoUrl: lecture.videoSrc,
    summary: lecture.summary,
    position: item.progress.position,
    coveredS: item.progress.coveredS,
    completed: item.progress.completed,
    ...(lecture.quiz ? { quiz: publicQuiz(lecture.quiz) } : {}),
    points: rule?.active && !own ? rule.value : 0,
    ...(own ? { pointsNote: OWN_LECTURE_NOTE } : {}),
  };
});

function newProgress(lecture: LectureDoc, member: MemberDoc, now: string): ProgressDoc {
  return {
    _id: progressId(lecture._id, member._id),
    lectureId: lecture._id,
    memberId: member._id,
    name: member.name,
    branchId: member.branchId,
    groupId: member.groupId,
    committeeId: member.committeeId,
    state: emptyProgress(),
    quiz: null,
    doneAt: null,
    points: null,
    startedAt: now,
    watchedAt: now,
  };
}

/**
 * Posts the lecture's points once (the entry id is the key; the monthly cap applies) and marks it
 * done. Its publisher's entry is 0 with a note: publishing and watching one's own lecture is not a
 * way to score.
 */
async function award(
  ctx: HandlerContext,
  tx: Tx,
  lecture: LectureDoc,
  member: MemberDoc,
  progress: ProgressDoc,
): Promise<number> {
  const rules = await committeeRules(ctx, member.committeeId);
  const rule = ruleFor(rules, 'lecture', member);
  let points = 0;
  if (rule?.active) {
    const own = publishedBy(lecture, member, requireOpenid(ctx));
    const reason = `学习${lecture.kind === 'film' ? '教育片' : '微党课'}「${lecture.title}」`;
    const posted = await postEntry(tx, {
      id: lectureEntryId(lecture._id, member._id),
      member,
      rule,
      ...(own ? { value: 0 } : {}),
      reason: own ? `${reason}（本人发布的课程，不计分）` : reason,
      source: 'lecture',
      recordedBy: null,
      at: ctx.clock(),
    });
    points = posted.entry.value;
  }
  progress.doneAt = ctx.clock().toISOString();
  progress.points = points;
  return points;
}

/**
 * One heartbeat: one transaction that reads the member's player document and progress, and writes
 * the progress (3 operations; a takeover also writes the player document and reads the lecture it
 * takes over from). One member has one playing session across all lectures: a beat of another
 * lecture or player is refused while the owner's lecture shows it playing and recent, and taking
 * over anchors without credit. The beat that completes the lecture (with no quiz to pass) also
 * posts the award, in the same transaction, once.
 */
export const heartbeat = action(lectureSchemas.heartbeat, async (ctx, input): Promise<LectureOutputs['heartbeat']> => {
  const member = await requireMember(ctx);
  const lecture = await watchableLecture(ctx, input.id, member);
  const now = ctx.clock();
  const session = input.session ?? DEFAULT_SESSION;
  return ctx.store.transaction(async (tx) => {
    const player = await tx.get('lecturePlayers', member._id);
    const owns = player?.lectureId === lecture._id && player.session === session;
    let elsewhere = false;
    if (player && !owns && player.lectureId !== lecture._id) {
      const owner = await tx.get('lectureProgress', progressId(player.lectureId, member._id));
      elsewhere = isLive(owner?.state.lastBeat ?? null, now.getTime());
    }
    const id = progressId(lecture._id, member._id);
    const progress = (await tx.get('lectureProgress', id)) ?? newProgress(lecture, member, now.toISOString());
    const beat = elsewhere
      ? null
      : applyHeartbeat(
          progress.state,
          { position: input.position, playing: input.playing, session, at: now.getTime(), takeover: !owns && !!player },
          lecture.durationS,
        );
    let awarded: number | null = null;
    if (beat?.changed) {
      progress.state = beat.state;
      progress.watchedAt = now.toISOString();
      if (!progress.doneAt && isDone(lecture, progress)) awarded = await award(ctx, tx, lecture, member, progress);
      await tx.set('lectureProgress', progress);
      if (!owns)
        await tx.set('lecturePlayers', {
          _id: member._id,
          lectureId: lecture._id,
          session,
          at: now.toISOString(),
        });
    }
    return {
      coveredS: progress.state.coveredS,
      completed: isDone(lecture, progress),
      position: resumePosition(progress.state, lecture.durationS),
      maxSeekable: maxSeekable(progress.state, lecture.durationS),
      credited: (beat?.creditedS ?? 0) > 0,
      awarded,
      playingElsewhere: elsewhere || beat?.reason === 'other_session',
    };
  });
});

export const submitQuiz = action(
  lectureSchemas.submitQuiz,
  async (ctx, input): Promise<LectureOutputs['submitQuiz']> => {
    const member = await requireMember(ctx);
    const lecture = await watchableLecture(ctx, input.id, member);
    const quiz = lecture.quiz;
    if (!quiz) throw conflict('这门课程没有测验');
    const mark = markQuiz(quiz, input.answers);
    const { awarded, passedEver } = await ctx.store.transaction(async (tx) => {
      const id = progressId(lecture._id, member._id);
      const progress = await tx.get('lectureProgress', id);
      if (!progress || !isComplete(progress.state, lecture.durationS)) throw conflict('请先看完课程再答题');
      const before = progress.quiz ?? { passed: false, bestScore: 0, attempts: 0 };
      progress.quiz = {
        passed: before.passed || mark.passed,
        bestScore: Math.max(before.bestScore, mark.score),
        attempts: before.attempts + 1,
      };
      let points: number | null = null;
      if (!progress.doneAt && isDone(lecture, progress)) points = await award(ctx, tx, lecture, member, progress);
      await tx.set('lectureProgress', progress);
      return { awarded: points, passedEver: progress.quiz.passed };
    });
    return { ...markView(mark, passedEver), awarded };
  },
);
