import { z } from 'zod';
import {
  dateSchema,
  fileIdSchema,
  idSchema,
  pageSchema,
  pageSizeSchema,
  type CountedPage,
  type FileLink,
} from './common';
import type { CandidateStatus } from './labels/common';
import { LECTURE_KIND_LABELS, LECTURE_KINDS } from './labels/lecture';

export { LECTURE_KIND_LABELS, LECTURE_KINDS };

export const lectureKindSchema = z.enum(LECTURE_KINDS);
export type LectureKind = z.infer<typeof lectureKindSchema>;

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `${what}至少 ${min} 个字`).max(max, `${what}最多 ${max} 个字`);

const optionSchema = z.object({ id: z.string().trim().min(1).max(8), text: text(1, 200, '选项') }).strict();
const questionSchema = z
  .object({
    id: z.string().trim().min(1).max(16),
    kind: z.enum(['single', 'multiple']),
    prompt: text(2, 300, '题目'),
    options: z.array(optionSchema).min(2, '至少 2 个选项').max(10, '最多 10 个选项'),
    correct: z.array(z.string().trim().min(1).max(8)).min(1, '请标出正确答案').max(10),
    explanation: text(2, 500, '解析'),
  })
  .strict();
export const quizSchema = z
  .object({
    passMark: z.number().int().min(1).max(100),
    questions: z.array(questionSchema).min(1, '至少 1 道题').max(50),
  })
  .strict();

/** A player instance (one page view): heartbeats of two at once are not both credited. */
const sessionSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, '播放会话标识格式不正确');

export const lectureSchemas = {
  /** The member's catalogue: published lectures of their committee and branch. */
  list: z
    .object({
      kind: lectureKindSchema.optional(),
      query: z.string().trim().max(20).optional(),
      page: pageSchema,
      pageSize: pageSizeSchema,
    })
    .strict()
    .optional(),
  get: z.object({ id: idSchema }).strict(),
  heartbeat: z
    .object({
      id: idSchema,
      /** Seconds into the video. */
      position: z
        .number()
        .min(0)
        .max(24 * 3600),
      playing: z.boolean(),
      session: sessionSchema.optional(),
    })
    .strict(),
  submitQuiz: z
    .object({
      id: idSchema,
      /** Question id → the chosen option id, or ids for a multiple-choice question. */
      answers: z.record(z.string().max(16), z.union([z.string().max(8), z.array(z.string().max(8)).max(10)])),
    })
    .strict(),
  /** Staff: one lecture's progress across an org's members. */
  stats: z.object({ id: idSchema, orgId: idSchema }).strict(),
  exportStats: z.object({ id: idSchema, orgId: idSchema }).strict(),
  /** Staff: per member, lectures completed in the month, quarter and year of `date`. */
  memberStats: z.object({ orgId: idSchema, date: dateSchema.optional() }).strict(),
  /** 提醒未学习: a 消息 to each member of the org the lecture is published to who has not finished it. */
  remind: z.object({ id: idSchema, orgId: idSchema }).strict(),
  /** Staff: the lectures they manage (published to their orgs, or by them), published or not. */
  manage: z.object({ orgId: idSchema }).strict(),
  /** Secretary or admin: publish a new lecture. `video` is a cloud fileID or the local host's upload id. */
  create: z
    .object({
      title: text(2, 60, '标题'),
      speaker: text(2, 40, '主讲人'),
      kind: lectureKindSchema,
      durationS: z
        .number()
        .int()
        .min(5, '时长至少 5 秒')
        .max(4 * 3600, '时长最多 4 小时'),
      video: fileIdSchema,
      cover: fileIdSchema.optional(),
      summary: text(2, 500, '简介'),
      tags: z
        .array(text(1, 10, '标签'))
        .max(8)
        .default([]),
      orgIds: z.array(idSchema).min(1, '请选择发布范围').max(50),
      quiz: quizSchema.optional(),
    })
    .strict(),
  setPublished: z.object({ id: idSchema, published: z.boolean() }).strict(),
};

export interface LectureProgressView {
  coveredS: number;
  completed: boolean;
  /** Where playback resumes, seconds. */
  position: number;
  /** How far the player may seek before the lecture is complete. */
  maxSeekable: number;
  quizPassed: boolean | null;
  /** Points awarded for this lecture (0 when the monthly cap was reached), null before. */
  points: number | null;
}

export interface LectureListItem {
  id: string;
  title: string;
  speaker: string;
  kind: LectureKind;
  kindLabel: string;
  durationS: number;
  coverUrl: string | null;
  tags: string[];
  hasQuiz: boolean;
  progress: LectureProgressView;
  /** When the member last watched it (for 继续观看), or null. */
  watchedAt: string | null;
}

export interface PublicQuestion {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: Array<{ id: string; text: string }>;
}

export interface LectureDetail extends LectureListItem {
  videoUrl: string;
  summary: string;
  position: number;
  coveredS: number;
  completed: boolean;
  quiz?: { passMark: number; questions: PublicQuestion[] };
  /** The points rule and its value, for 学习微党课 (capped per month); 0 for the lecture's publisher. */
  points: number;
  /** Why this lecture earns the caller nothing, when it does not (they published it). */
  pointsNote?: string;
}

export interface QuizResultView {
  passed: boolean;
  score: number;
  correctCount: number;
  total: number;
  /**
   * Per question whether it was answered right. The correct options and the explanations are
   * given only once the quiz is passed (now or before): a failed attempt learns which questions
   * to rethink, not what to answer.
   */
  results: Array<{
    questionId: string;
    correct: boolean;
    chosen: string[];
    correctOptions: string[] | null;
    explanation: string | null;
  }>;
  /** The lecture's award, when this submission completed it. */
  awarded: number | null;
}

/**
 * One member's study of a lecture, as staff see it: how much of it is covered (a share, never the
 * time watched: watch time only decides completion) and whether it is complete.
 */
export interface LectureStatsItem {
  memberId: string;
  name: string;
  /** 0 … 100, rounded down: the share of the lecture covered. */
  progressPercent: number;
  /** Whether the member has watched any of it. */
  started: boolean;
  completed: boolean;
  quizPassed: boolean | null;
  watchedAt: string | null;
  /** Someone on the way to membership whom 微党课 expects (发展对象, 入党积极分子); absent for a Party member. */
  partyStatus?: CandidateStatus;
}

/** A lecture's figures over some of its learners. */
export interface LectureCounts {
  started: number;
  completed: number;
  passed: number;
  expected: number;
}

export interface LectureManageItem {
  id: string;
  title: string;
  kind: LectureKind;
  durationS: number;
  published: boolean;
  orgNames: string[];
  hasQuiz: boolean;
  createdAt: string;
  /** The cover picture (as `LectureListItem.coverUrl`), null when it has none. */
  coverUrl: string | null;
  /** Whether the caller may unpublish it (they manage every org it is published to). */
  canManage: boolean;
}

export interface LectureOutputs {
  list: CountedPage<LectureListItem> & { continueWatching: LectureListItem[] };
  get: LectureDetail;
  heartbeat: {
    coveredS: number;
    completed: boolean;
    position: number;
    maxSeekable: number;
    credited: boolean;
    awarded: number | null;
    /**
     * Refused: the member is playing another lecture, or this one in another player (one
     * playing session per member). It may take over once that one pauses or goes quiet.
     */
    playingElsewhere: boolean;
  };
  submitQuiz: QuizResultView;
  /** `unfinished`: members yet to finish it; `notified`: those newly told (once a day each). */
  remind: { unfinished: number; notified: number };
  /**
   * The counts are the Party members' (正式 and 预备): the rates of 学习统计 count them only. The
   * people on the way whom lectures expect are listed (with their `partyStatus`) and counted apart in
   * `onTheWay`, absent when there are none; 入党申请人 (welcome, not expected) are not listed.
   */
  stats: LectureCounts & { items: LectureStatsItem[]; onTheWay?: LectureCounts };
  exportStats: FileLink;
  memberStats: {
    period: { month: string; quarter: string; year: string };
    items: Array<{
      memberId: string;
      name: string;
      month: number;
      quarter: number;
      year: number;
      /** Someone on the way to membership; absent for a Party member. */
      partyStatus?: CandidateStatus;
    }>;
  };
  manage: { items: LectureManageItem[] };
  create: { id: string };
  setPublished: { id: string; published: boolean };
}
